import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import ConcurrencyLab
import "SceneLayout.js" as SceneLayout

// The GIL as a single baton. The machine's CPU cores are seats: a thread
// runs Python code only on a seat with the baton in its hand, so under the
// GIL one seat is taken however many cores there are. The others wait in a
// queue in the order they asked (each with how long it has waited against
// the switch interval); a waiter whose interval runs out sends a drop
// request, and the holder must hand the baton over. A thread waiting on I/O
// or sleeping steps away from the queue: it does not need the GIL then.
// Without a GIL (mode=free) there is no baton: every runnable thread runs.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var gil: scene.objects.find(o => o.kind === "GIL")
    readonly property var params: controller.runParameters
    // In processes mode every worker process has a GIL of its own, so as in
    // free mode nobody queues for one baton; freeMode means "no shared GIL".
    readonly property bool processMode: params.mode === "processes"
    readonly property bool freeMode: params.mode === "free" || processMode
    // A worker process's thread goes by its process's name.
    function displayName(a) {
        return a && a.processName && a.name === "MainThread" && a.processName !== "MainProcess" ? a.processName
             : a ? a.name : ""
    }
    readonly property real intervalNs: params.switch_interval_ms !== undefined ? params.switch_interval_ms * 1e6 : 0
    readonly property int cores: Math.max(1, controller.cpuCores)
    readonly property var threads: scene.actors.filter(a => a.kind !== "coroutine")
    // The threads that run Python code: everyone but MainThread, which only
    // starts and joins them.
    // (A worker process's MainThread does run Python code.)
    readonly property var workers: threads.filter(a => a.name !== "MainThread" || displayName(a) !== a.name)
    readonly property var holder: gil && gil.owner !== 0 ? threads.find(a => a.id === gil.owner) : undefined
    readonly property var running: threads.filter(a => a.started && a.state === 0)
    readonly property var waiters: gil ? gil.waiters : []
    readonly property var away: threads.filter(a => a.started && a.state === 3)
    readonly property int idleCores: Math.max(0, cores - running.length)
    readonly property bool dropFlash: gil !== undefined && gil.dropRequestPending

    // The room this scene needs before Main scales it down.
    readonly property real minimumWidth: 660
    readonly property real minimumHeight: workers.length > 8 ? 400 : 340

    // A band of tokens `tw` × `th` filling `w` × `h` from its top left (or
    // its right end, fromRight); when they do not all fit, the last cell
    // says "+N more".
    function band(n, x0, y0, w, h, tw, th, gap, fromRight) {
        // Smaller tokens, down to 84 × 28, before anyone is left out.
        let cols = 1, rows = 1
        const tw0 = tw, th0 = th
        for (let s = 1.0; s >= 0; s -= 0.1) {
            tw = Math.max(84, Math.min(tw0, Math.round(tw0 * s)))
            th = Math.max(28, Math.min(th0, Math.round(th0 * s)))
            cols = Math.max(1, Math.floor((w - 12 + gap) / (tw + gap)))
            rows = Math.max(1, Math.floor((h - 12 + gap) / (th + gap)))
            if (cols * rows >= n || (tw <= 84 && th <= 28))
                break
        }
        const cw = Math.min(tw, (w - 12 - (cols - 1) * gap) / cols)
        const fits = cols * rows
        const shown = n > fits ? fits - 1 : n
        const cell = i => ({ x: fromRight ? x0 + w - 6 - (i % cols + 1) * (cw + gap) + gap
                                         : x0 + 6 + (i % cols) * (cw + gap),
                             y: y0 + 6 + Math.floor(i / cols) * (th + gap) })
        return { cols: cols, w: cw, h: th, shown: shown, more: n - shown, cell: cell,
                 moreAt: shown < n ? cell(shown) : ({ x: 0, y: 0 }) }
    }

    // Where every thread is, computed once per snapshot.
    readonly property var layout: {
        const gap = 8
        const labelH = Theme.smallFont + 8
        const top = caption.height + 8
        const avail = Math.max(160, height - top)
        const standH = Theme.fontSize + 14
        const statsH = 2 * Theme.smallFont + 10
        // Token size from the height there is: the middle band holds a
        // row of seats, the lower band one row at least.
        let th = Math.round(Math.max(30, Math.min(Theme.slide ? 66 : 58, avail / 5.6)))
        let tw = Math.round(Math.max(96, Math.min(Theme.slide ? 210 : 180, th * 2.9)))
        const coresW = Math.round(Math.max(250, Math.min(width * 0.5, Math.min(cores, 4) * (tw + 8 + gap) + 12)))
        const seatCols = Math.max(1, Math.min(cores, Math.floor((coresW - 20 + gap) / (tw + 8 + gap))))
        const seatRows = Math.ceil(cores / seatCols)
        // The middle band: at most 62% of the room, and shorter seats when
        // there are many rows of them.
        const midMax = Math.round(avail * 0.64) - labelH
        const seatH = Math.max(30, Math.min(th + 8, (midMax - standH - statsH - 20) / seatRows - gap))
        const seatW = Math.min(tw + 8, (coresW - 20 - (seatCols - 1) * gap) / seatCols)
        th = Math.min(th, seatH - 8)
        tw = Math.min(tw, seatW - 8)
        const contentH = midMax
        const laneW = Math.max(160, width - coresW - 30)
        const out = { gap: gap, labelH: labelH, top: top, midY: top + labelH, midH: contentH,
                      coresW: coresW, coresX: width - coresW, laneW: laneW, tw: tw, th: th,
                      seatW: seatW, seatH: seatH, standH: standH, seats: [], spots: {} }
        const lowY = out.midY + contentH + 8
        out.lowY = lowY + labelH
        out.lowH = Math.max(th + 14, height - out.lowY)
        // The seats: one per core, centred between the stand and the
        // figures.
        const seatsW = seatCols * seatW + (seatCols - 1) * gap
        const seatsBlock = seatRows * seatH + (seatRows - 1) * gap
        const seatsY = out.midY + standH + 12 + Math.max(0, (contentH - standH - statsH - 20 - seatsBlock) / 2)
        for (let i = 0; i < cores; ++i) {
            const row = Math.floor(i / seatCols)
            const col = i % seatCols
            out.seats.push({ x: out.coresX + (coresW - seatsW) / 2 + col * (seatW + gap),
                             y: seatsY + row * (seatH + gap), taken: 0 })
        }
        out.statsY = out.midY + contentH - statsH - 2
        // Running threads take a seat each, in a stable order (the holder
        // first, so the baton is always on a seat); without a GIL, more
        // runnable threads than cores go on in the lane, still running.
        const runners = running.slice().sort((a, b) => (holder && a.id === holder.id ? -1 : 0)
                                                       - (holder && b.id === holder.id ? -1 : 0) || a.id - b.id)
        const overflow = []
        runners.forEach(a => {
            const want = Math.max(0, workers.findIndex(w => w.id === a.id)) % cores
            let seat = -1
            for (let k = 0; k < cores; ++k) {
                const s = (want + k) % cores
                if (out.seats[s].taken === 0) {
                    seat = s
                    break
                }
            }
            if (seat < 0) {
                overflow.push(a)
                return
            }
            out.seats[seat].taken = a.id
            out.spots[a.id] = { x: out.seats[seat].x + (seatW - tw) / 2, y: out.seats[seat].y + (seatH - th) / 2,
                                where: "seat", w: tw, h: th }
        })
        out.overflow = overflow
        // The queue: first in line nearest the cores (the right end).
        const queued = freeMode ? overflow.map(a => ({ actor: a.id })) : waiters
        const q = band(queued.length, 0, out.midY, laneW, contentH - (freeMode ? 0 : Theme.smallFont + 6), tw, th, gap, true)
        queued.forEach((w, j) => {
            out.spots[w.actor] = j < q.shown ? Object.assign({ where: "queue", index: j, w: q.w, h: q.h }, q.cell(j))
                                             : Object.assign({ where: "hidden", w: q.w, h: q.h }, q.moreAt)
        })
        out.queue = q
        // Below: stepped away (I/O, sleep) at the left, everyone else at
        // the right.
        out.awayW = Math.round(width * 0.56)
        const awayList = away.slice().sort((a, b) => a.sinceNs - b.sinceNs || a.id - b.id)
        const aw = band(awayList.length, 0, out.lowY, out.awayW, out.lowH, tw, th, gap, false)
        awayList.forEach((a, i) => {
            out.spots[a.id] = i < aw.shown ? Object.assign({ where: "away", w: aw.w, h: aw.h }, aw.cell(i))
                                           : Object.assign({ where: "hidden", w: aw.w, h: aw.h }, aw.moreAt)
        })
        out.away = aw
        out.restX = out.awayW + 16
        out.restW = width - out.restX
        const rest = threads.filter(a => out.spots[a.id] === undefined)
        const order = a => a.name === "MainThread" ? 0 : !a.started ? 2 : a.state === 4 ? 3 : 1
        rest.sort((a, b) => order(a) - order(b) || a.id - b.id)
        const rw = Math.round(Math.max(84, Math.min(tw, 150, (out.restW - 18) / Math.max(1, Math.min(rest.length, 2)))))
        const restCols = Math.max(1, Math.floor((out.restW - 12 + 6) / (rw + 6)))
        const restRowsWanted = Math.min(3, Math.max(1, Math.ceil(rest.length / restCols)))
        const rh = Math.round(Math.max(24, Math.min(th, 46, (out.lowH - 12 - (restRowsWanted - 1) * 6) / restRowsWanted)))
        const rb = band(rest.length, out.restX, out.lowY, out.restW, out.lowH, rw, rh, 6, false)
        rest.forEach((a, i) => {
            out.spots[a.id] = i < rb.shown ? Object.assign({ where: "rest", w: rb.w, h: rb.h }, rb.cell(i))
                                           : Object.assign({ where: "hidden", w: rb.w, h: rb.h }, rb.moreAt)
        })
        out.rest = rb
        return out
    }

    SceneCaption {
        id: caption
        text: {
            if (root.workers.length === 0)
                return ""
            const started = root.workers.filter(a => a.started).length
            const done = root.workers.filter(a => a.started && a.state === 4).length
            if (started === 0)
                return qsTr("MainThread is about to start the threads.")
            if (done === root.workers.length)
                return root.processMode ? qsTr("Every worker process finished. Each had its own GIL, so they ran side by side on the cores.")
                     : root.freeMode ? qsTr("Every thread finished. Without a GIL they ran side by side on the cores.")
                                     : qsTr("Every thread finished. Under the GIL they took turns: only one ran at a time.")
            if (root.processMode)
                return qsTr("Worker processes, each with its own GIL: %n of them run Python code at the same time.", "",
                            root.running.filter(a => a.name === "MainThread" && root.displayName(a) !== a.name).length)
            if (root.freeMode) {
                if (root.running.length > root.cores)
                    return qsTr("No GIL: %1 threads are runnable at once, more than the %2 cores; the OS takes turns among them.")
                        .arg(root.running.length).arg(root.cores)
                return qsTr("No GIL: %n thread(s) run Python code at the same time, each on a core of its own.", "",
                            root.running.length)
            }
            if (root.holder) {
                if (root.waiters.length > 0)
                    return root.idleCores > 0
                        ? qsTr("Only one thread runs at a time: %1 holds the GIL, %n thread(s) wait their turn, though %2 core(s) sit idle.",
                               "", root.waiters.length).arg(root.holder.name).arg(root.idleCores)
                        : qsTr("Only one thread runs at a time: %1 holds the GIL, %n thread(s) wait their turn.",
                               "", root.waiters.length).arg(root.holder.name)
                if (root.away.length > 0)
                    return qsTr("%1 holds the GIL; %n thread(s) wait on I/O or sleep without it, so their waits overlap.",
                                "", root.away.length).arg(root.holder.name)
                return qsTr("%1 holds the GIL and runs; nobody else wants it right now.").arg(root.holder.name)
            }
            if (root.waiters.length > 0)
                return qsTr("The GIL was just let go: %1, first in line, takes it next.").arg(root.waiters[0].name)
            if (root.away.length > 0)
                return qsTr("Nobody holds the GIL: %n thread(s) wait on I/O or sleep, and a wait does not need it.", "",
                            root.away.length)
            return qsTr("Nobody holds the GIL right now.")
        }
    }

    // The queue for the GIL (without a GIL: the runnable threads that have
    // no core to themselves), leading into the cores.
    Label {
        x: 0
        y: root.layout.midY - height - 2
        width: root.layout.laneW
        elide: Text.ElideRight
        text: root.freeMode
              ? (root.layout.overflow.length > 0
                 ? qsTr("also running, %1 threads for %2 cores: the OS shares the cores among them").arg(root.running.length).arg(root.cores)
                 : root.processMode
                   ? qsTr("no queue: each process runs under its own GIL")
                   : qsTr("no queue: without a GIL nothing stops a runnable thread"))
              : root.waiters.length > 0
                ? qsTr("waiting for the GIL in arrival order: %n thread(s), first in line nearest the cores", "", root.waiters.length)
                : qsTr("nobody waits for the GIL")
        color: root.freeMode ? Theme.subtle : root.waiters.length > 0 ? Theme.text : Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Rectangle {
        y: root.layout.midY
        width: root.layout.laneW
        height: root.layout.midH
        radius: 8
        color: Theme.sunken
        border.color: Theme.border
    }
    Label {
        visible: !root.freeMode && root.waiters.length > 0 && root.intervalNs > 0
        x: 8
        y: root.layout.midY + root.layout.midH - height - 4
        width: root.layout.laneW - 16
        elide: Text.ElideRight
        text: qsTr("bar: the switch interval (%1) running out; when it is full the waiter asks for a drop")
            .arg(SceneLayout.duration(root.intervalNs))
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Shape {
        x: root.layout.laneW + 2
        y: root.layout.midY + root.layout.midH / 2 - 10
        width: 24
        height: 20
        ShapePath {
            strokeColor: "transparent"
            fillColor: !root.freeMode && root.waiters.length > 0 ? Theme.stateColor(5) : Theme.border
            startX: 0; startY: 0
            PathLine { x: 22; y: 10 }
            PathLine { x: 0; y: 20 }
            PathLine { x: 0; y: 0 }
        }
    }

    // The cores, each a seat.
    Label {
        x: root.layout.coresX
        y: root.layout.midY - height - 2
        width: root.layout.coresW
        elide: Text.ElideRight
        text: qsTr("CPU cores on this machine: %1 · %2 in use").arg(root.cores).arg(Math.min(root.cores, root.running.length))
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Rectangle {
        x: root.layout.coresX
        y: root.layout.midY
        width: root.layout.coresW
        height: root.layout.midH
        radius: 12
        color: Theme.panelAlt
        border.color: root.holder ? Theme.text : Theme.border
        border.width: root.holder ? 2 : 1
    }
    // The baton's stand: where it lies while nobody holds it. Without a
    // GIL there is no baton at all.
    Rectangle {
        id: stand
        x: root.layout.coresX + 10
        y: root.layout.midY + 8
        width: root.layout.coresW - 20
        height: root.layout.standH
        radius: height / 2
        color: root.dropFlash ? Theme.dangerWash : "transparent"
        border.color: root.dropFlash ? Theme.danger : Theme.border
        Label {
            anchors.verticalCenter: parent.verticalCenter
            x: root.freeMode ? 12 : baton.width + 16
            width: parent.width - x - 8
            elide: Text.ElideRight
            text: root.processMode ? qsTr("one GIL per process: no process waits for another's")
                : root.freeMode ? qsTr("no GIL (free-threaded build): nothing to wait for")
                : root.dropFlash ? (root.holder ? qsTr("drop request from %1: %2 must let go").arg(root.gil.lastDropRequesterName).arg(root.holder.name)
                                                : qsTr("drop request from %1").arg(root.gil.lastDropRequesterName))
                : root.holder ? (root.gil.acquiredOnDropRequest
                                 ? qsTr("%1 took it after a drop request").arg(root.holder.name)
                                 : root.gil.lastWakerName !== "" && root.gil.lastWakerName !== root.holder.name
                                   ? qsTr("%1 took it when %2 let go").arg(root.holder.name).arg(root.gil.lastWakerName)
                                   : qsTr("held by %1").arg(root.holder.name))
                : qsTr("the GIL is free: the next thread to ask takes it")
            color: root.dropFlash ? Theme.danger : Theme.subtle
            font.bold: root.dropFlash
            font.pixelSize: Theme.smallFont
        }
    }
    Repeater {
        model: root.layout.seats
        delegate: Rectangle {
            id: seat
            required property var modelData
            required property int index
            x: modelData.x
            y: modelData.y
            width: root.layout.seatW
            height: root.layout.seatH
            radius: Math.min(12, height / 4)
            color: Theme.panel
            border.color: modelData.taken !== 0 ? Theme.stateColor(0) : Theme.border
            border.width: modelData.taken !== 0 ? 2 : 1
            Label {
                anchors.centerIn: parent
                visible: seat.modelData.taken === 0
                width: parent.width - 8
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                text: !root.freeMode && root.holder && root.waiters.length > 0
                      ? qsTr("core %1: idle\nno GIL, no Python").arg(seat.index + 1)
                      : qsTr("core %1: idle").arg(seat.index + 1)
                color: Theme.subtle
                font.pixelSize: Theme.smallFont
            }
        }
    }
    Label {
        x: root.layout.coresX + 10
        y: root.layout.statsY
        width: root.layout.coresW - 20
        height: 2 * Theme.smallFont + 8
        wrapMode: Text.Wrap
        maximumLineCount: 2
        elide: Text.ElideRight
        verticalAlignment: Text.AlignBottom
        visible: root.gil !== undefined
        text: !root.gil ? ""
            : root.processMode ? qsTr("mode: processes · %1 running on %2 cores, each under its own GIL").arg(root.running.length).arg(root.cores)
            : root.freeMode ? qsTr("mode: free-threaded, no GIL · %1 threads running on %2 cores").arg(root.running.length).arg(root.cores)
            : root.intervalNs > 0
              ? qsTr("mode: GIL · switch interval %1 · taken %2 times so far · %3 drop requests")
                  .arg(SceneLayout.duration(root.intervalNs)).arg(root.gil.acquireCount).arg(root.gil.dropRequests)
              : qsTr("mode: GIL · taken %1 times so far · %2 drop requests").arg(root.gil.acquireCount).arg(root.gil.dropRequests)
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }

    // Below: threads that stepped away, and everyone else.
    Label {
        x: 0
        y: root.layout.lowY - height - 2
        width: root.layout.awayW
        elide: Text.ElideRight
        text: root.freeMode
              ? qsTr("waiting on I/O or sleeping: %1").arg(root.away.length)
              : qsTr("stepped away without the GIL, waiting on I/O or sleeping: %1").arg(root.away.length)
        color: root.away.length > 0 ? Theme.text : Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Rectangle {
        y: root.layout.lowY
        width: root.layout.awayW
        height: root.layout.lowH
        radius: 8
        color: "transparent"
        border.color: Theme.border
    }
    Label {
        x: root.layout.restX
        y: root.layout.lowY - height - 2
        width: root.layout.restW
        elide: Text.ElideRight
        text: qsTr("elsewhere: MainThread, not started, finished")
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Rectangle {
        x: root.layout.restX
        y: root.layout.lowY
        width: root.layout.restW
        height: root.layout.lowH
        radius: 8
        color: "transparent"
        border.color: Theme.border
    }
    // "+N more" where a band cannot show everyone.
    Repeater {
        model: [
            { band: root.layout.queue, what: root.freeMode ? qsTr("+%1 more running") : qsTr("+%1 more waiting") },
            { band: root.layout.away, what: qsTr("+%1 more away") },
            { band: root.layout.rest, what: qsTr("+%1 more") }
        ]
        delegate: Label {
            required property var modelData
            visible: modelData.band.more > 0
            x: modelData.band.moreAt.x
            y: modelData.band.moreAt.y
            width: modelData.band.w
            height: modelData.band.h
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.Wrap
            text: modelData.what.arg(modelData.band.more)
            color: Theme.subtle
            font.pixelSize: Theme.smallFont
        }
    }

    // Every thread, in one place at a time.
    Repeater {
        model: root.threads.length
        delegate: ActorToken {
            id: token
            required property int index
            readonly property var spot: actor ? root.layout.spots[actor.id] : undefined
            readonly property string where: spot ? spot.where : "hidden"
            actor: root.threads[index]
            label: root.displayName(actor)
            visible: where !== "hidden"
            x: spot ? spot.x : 0
            y: spot ? spot.y : 0
            width: spot ? spot.w : root.layout.tw
            height: spot ? spot.h : root.layout.th
            z: where === "seat" || where === "queue" ? 3 : 2
            emphasised: root.dropFlash && actor && actor.id === root.gil.lastDropRequester
            emphasisColor: Theme.danger
            note: {
                const a = actor
                if (!a || !a.started || a.state === 4)
                    return ""
                if (where === "seat")
                    return root.holder && a.id === root.holder.id
                        ? qsTr("runs Python %1").arg(SceneLayout.duration(root.scene.cursorNs - root.gil.ownerSinceNs))
                        : root.processMode ? qsTr("pid %1 · its own GIL").arg(a.pid || "?")
                        : root.freeMode ? qsTr("running %1").arg(SceneLayout.duration(a.forNs))
                        : qsTr("outside Python, no GIL %1").arg(SceneLayout.duration(a.forNs))
                if (where === "queue")
                    return root.freeMode ? qsTr("runnable, shares a core")
                                         : qsTr("#%1 · %2").arg(spot.index + 1).arg(SceneLayout.duration(a.forNs))
                if (a.state === 3 && a.reason === "io")
                    return qsTr("I/O %1").arg(SceneLayout.duration(a.forNs))
                if (a.state === 3 && a.wakeAtNs > 0)
                    return a.wakeAtNs > root.scene.cursorNs
                        ? qsTr("sleep, wakes in %1").arg(SceneLayout.duration(a.wakeAtNs - root.scene.cursorNs))
                        : qsTr("sleep, due now")
                if (a.reason === "join")
                    return qsTr("join() %1").arg(SceneLayout.duration(a.forNs))
                return ""
            }

            // How far this waiter is into its switch interval: it waits
            // an interval at a time, starting over at every switch, and
            // when one runs out with no switch it asks the holder to drop
            // the GIL.
            readonly property real intervalPart: !actor || where !== "queue" || root.intervalNs <= 0 ? 0
                : Math.min(1, (root.scene.cursorNs - Math.max(actor.sinceNs, root.gil ? root.gil.ownerSinceNs : 0)) / root.intervalNs)
            Rectangle {
                visible: token.where === "queue" && !root.freeMode && root.intervalNs > 0
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.bottom
                anchors.topMargin: 2
                height: 4
                radius: 2
                color: Theme.border
                Rectangle {
                    height: parent.height
                    radius: 2
                    width: parent.width * token.intervalPart
                    color: token.intervalPart >= 1 ? Theme.danger : Theme.text
                }
            }
        }
    }

    // The baton: in the holder's hand, or on its stand.
    Rectangle {
        id: baton
        readonly property var spot: root.holder ? root.layout.spots[root.holder.id] : undefined
        visible: !root.freeMode && root.gil !== undefined
        width: Math.round(Math.max(44, Math.min(72, root.layout.tw * 0.45)))
        height: Math.round(Math.max(16, Math.min(24, root.layout.th * 0.38)))
        x: spot ? Math.min(spot.x + spot.w - width * 0.7, root.layout.coresX + root.layout.coresW - width - 6) : stand.x + 6
        y: spot ? spot.y - height * 0.55 : stand.y + (stand.height - height) / 2
        z: 6
        radius: height / 2
        color: Theme.text
        border.color: root.dropFlash ? Theme.danger : Theme.panel
        border.width: root.dropFlash ? 3 : 1.5
        Behavior on x {
            enabled: Theme.animate
            NumberAnimation { duration: Theme.moveMs; easing.type: Easing.InOutCubic }
        }
        Behavior on y {
            enabled: Theme.animate
            NumberAnimation { duration: Theme.moveMs; easing.type: Easing.InOutCubic }
        }
        Label {
            anchors.centerIn: parent
            text: qsTr("GIL")
            color: Theme.panel
            font.bold: true
            font.pixelSize: Math.max(10, Math.round(baton.height * 0.62))
        }
        // A drop request flashes the baton while the replay plays.
        SequentialAnimation on scale {
            id: flashAnimation
            running: false
            loops: 3
            NumberAnimation { to: 1.25; duration: 90 }
            NumberAnimation { to: 1.0; duration: 110 }
        }
        ToolTip.visible: batonHover.hovered
        ToolTip.text: root.holder ? qsTr("The GIL: %1 holds it and may run Python code").arg(root.holder.name)
                                  : qsTr("The GIL: free")
        HoverHandler { id: batonHover }
    }
    // Flash on every new drop request while the replay moves forward.
    property int seenDropRequests: -1
    onGilChanged: {
        const n = gil ? gil.dropRequests : -1
        if (Theme.animate && n > seenDropRequests && seenDropRequests >= 0)
            flashAnimation.restart()
        seenDropRequests = n
    }
}
