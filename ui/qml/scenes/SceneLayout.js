.pragma library

// Layout arithmetic the scenes share, so many actors fit without overlap.

// The largest boxes, from `pref` × maxScale (default 1) down to `min`
// ({w, h}), that lay `n` of them out in a grid inside width × height with
// `gap` between. When even the
// smallest do not fit, the grid keeps the smallest size and overflows
// downwards; callers clip.
function grid(n, width, height, pref, min, gap, maxScale) {
    n = Math.max(1, n)
    width = Math.max(1, width)
    const layout = s => {
        const w = Math.max(min.w, Math.round(pref.w * s))
        const h = Math.max(min.h, Math.round(pref.h * s))
        const cols = Math.max(1, Math.min(n, Math.floor((width + gap) / (w + gap))))
        const rows = Math.ceil(n / cols)
        return { cols: cols, rows: rows, w: Math.min(w, width), h: h, gap: gap,
                 width: cols * Math.min(w, width) + (cols - 1) * gap, height: rows * h + (rows - 1) * gap }
    }
    // Growing past the preferred size must not wrap into more rows.
    const rowsAtPref = layout(1.0).rows
    let best = null
    for (let s = maxScale || 1.0; s >= 0; s -= 0.05) {
        best = layout(s)
        if (best.height <= height && (s <= 1.0 || best.rows <= rowsAtPref))
            return best
        if (best.w <= min.w && best.h <= min.h)
            break
    }
    return best
}

// Top-left of box `i` of a grid from grid(), centred in a band that starts
// at x0 and is `width` wide; the last row is centred too.
function cell(g, i, x0, y0, width) {
    const row = Math.floor(i / g.cols)
    const col = i % g.cols
    return { x: x0 + col * (g.w + g.gap) + (width - g.width) / 2,
             y: y0 + row * (g.h + g.gap) }
}

// Nanoseconds as a short duration: 850 ns, 12.5 µs, 3.20 ms, 1.25 s.
function duration(ns) {
    if (ns === undefined || ns < 0)
        return ""
    if (ns < 1000) return Math.round(ns) + " ns"
    if (ns < 1e6) return (ns / 1e3).toFixed(ns < 1e4 ? 1 : 0) + " µs"
    if (ns < 1e9) return (ns / 1e6).toFixed(ns < 1e7 ? 2 : 1) + " ms"
    return (ns / 1e9).toFixed(2) + " s"
}

// The prefix all names share, cut back to its last separator, so
// "ThreadPoolExecutor-0_0" … "ThreadPoolExecutor-0_31" can be told apart by
// what follows "ThreadPoolExecutor-0_". Empty when there is none worth
// cutting.
function commonPrefix(names) {
    if (names.length < 2)
        return ""
    let p = names[0]
    for (let i = 1; i < names.length && p.length > 0; ++i) {
        let k = 0
        while (k < p.length && k < names[i].length && p[k] === names[i][k])
            ++k
        p = p.substring(0, k)
    }
    let cut = -1
    for (let k = p.length - 1; k >= 0; --k) {
        if ("-_ .:/".indexOf(p[k]) >= 0) {
            cut = k
            break
        }
    }
    return cut >= 3 ? p.substring(0, cut + 1) : ""
}
