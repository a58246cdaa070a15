import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import ConcurrencyLab
import "SceneLayout.js" as SceneLayout

// Processes as a tree: this program (MainProcess) at the top and the
// processes it started below it, each a card with its real PID and how it
// stands at the cursor (starting, running, exited with its exit code,
// killed by a signal). A Pipe or a Queue between two processes is a tube
// with the messages in flight in it (sent, not yet received); a shared
// memory block shows the value in it, read by the parent as the children
// add to it; a Pool shows its task queue and each worker process the task
// it runs. Everything comes from the trace at the cursor.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var procs: scene.processes
    readonly property var rootProc: procs.length > 0 ? procs[0] : undefined
    readonly property var children: procs.filter(p => p.parent !== 0)
    readonly property var byId: {
        const out = {}
        scene.actors.forEach(a => out[a.id] = a)
        return out
    }
    readonly property var procById: {
        const out = {}
        procs.forEach(p => out[p.id] = p)
        return out
    }
    readonly property var membersOf: {
        const out = {}
        scene.actors.forEach(a => (out[a.process] = out[a.process] || []).push(a))
        return out
    }
    readonly property var queues: scene.objects.filter(o => o.kind === "Queue")
    readonly property var pool: scene.objects.find(o => o.kind === "Pool")
    readonly property var block: scene.objects.find(o => o.kind === "Variable")
    readonly property var params: controller.runParameters
    readonly property var metrics: controller.metrics
    readonly property string scenarioId: controller.scenarioId
    readonly property real now: scene.cursorNs

    // The shared block: what the children must add up to, how many are at
    // it, and, once all have exited and the parent has read the block, the
    // final value and the updates lost.
    readonly property var shared: {
        if (!block)
            return undefined
        const expected = params.processes !== undefined && params.iterations !== undefined
                         ? params.processes * params.iterations : -1
        const touched = p => { const m = byId[p.mainThread]; return m !== undefined && m.lastVarOp !== "" }
        // Adding: it read the block when it began, and has not yet written
        // its last value.
        const adding = children.filter(p => p.state === "running" && touched(p) && byId[p.mainThread].lastVarOp === "read").length
        const done = children.length > 0 && children.every(p => p.state === "exited")
        const lastExit = children.reduce((t, p) => Math.max(t, p.endedNs), 0)
        const rm = rootProc ? byId[rootProc.mainThread] : undefined
        const finalKnown = done && rm !== undefined && rm.lastVarOp === "read" && rm.lastVarNs >= lastExit
        return { expected: expected, adding: adding, began: children.filter(touched).length, done: done,
                 finalKnown: finalKnown, value: block.value,
                 lost: finalKnown && expected >= 0 ? expected - block.value : 0, lock: params.lock === true }
    }

    // The room this scene needs before Main scales it down.
    readonly property real minimumWidth: 700
    readonly property real minimumHeight: children.length > 6 ? 420 : 360

    function fmt(ns) {
        return SceneLayout.duration(ns)
    }
    // 1234567 as "1,234,567".
    function num(n) {
        const digits = String(Math.round(Math.abs(n)))
        let out = ""
        for (let i = 0; i < digits.length; ++i)
            out += (i > 0 && (digits.length - i) % 3 === 0 ? "," : "") + digits[i]
        return (n < 0 ? "-" : "") + out
    }
    function procOf(actorId) {
        const a = byId[actorId]
        return a ? procById[a.process] : undefined
    }
    // A pipe's or queue's ends: the process that puts (sends) and the one
    // that gets (or waits to); 0 while the trace has not shown it yet.
    function endsOf(q) {
        const w = q.putters.length > 0 ? procOf(q.putters[0]) : undefined
        const r = q.getters.length > 0 ? procOf(q.getters[0])
                : q.waiters.length > 0 ? procOf(q.waiters[0].actor) : undefined
        return { writer: w ? w.id : 0, reader: r ? r.id : 0 }
    }
    function isWorker(p) {
        return pool !== undefined && p.parent !== 0 && (membersOf[p.id] || []).some(a => a.tasksDone > 0 || a.runningTask > 0)
    }

    // Geometry: the root (and beside it the Pool or the shared block) on
    // top, then one band per generation of children.
    readonly property bool hasSide: pool !== undefined || block !== undefined
    readonly property var layout: {
        const top = caption.height + 10
        const bottom = height - (facts.visible ? facts.height + 8 : 0)
        const sideW = hasSide ? Math.round(Math.min(Theme.slide ? 400 : 330, Math.max(230, width * 0.3))) : 0
        const levels = []
        procs.forEach(p => {
            const d = Math.min(p.depth, 3)
            while (levels.length <= d)
                levels.push([])
            levels[d].push(p)
        })
        // A pipe between two children (a writer and a reader) needs a wide
        // gap between them; a pipe between parent and child a tall one.
        // Decided from the cast, not from who has sent yet, so nothing
        // jumps when the first message goes.
        const siblingsLink = queues.length > 0 && levels.length > 1 && levels[1].length >= 2
        const linkAcross = queues.length > 0 && !siblingsLink
        const n = Math.max(1, levels.length)
        const gapY = Math.round(Math.max(36, Math.min(linkAcross ? 120 : 56, (bottom - top) * (linkAcross ? 0.26 : 0.12))))
        // Cards with threads or coroutines to show as dots are taller.
        const dotted = list => list.some(p => p.threads + p.coroutines > 1)
        const prefH = list => dotted(list) ? (Theme.slide ? 150 : 120) : (Theme.slide ? 104 : 84)
        const rootH0 = Math.round(Math.max(70, Math.min(rootProc ? prefH([rootProc]) : 84,
                                                        (bottom - top - (n - 1) * gapY) / Math.max(1.6, n))))
        // The Pool's or the shared block's box beside the root: the first
        // row is as tall as the taller of the two.
        const sideH = !hasSide ? 0 : Math.round(Math.max(rootH0, Math.min(block && !pool ? 5 * Theme.smallFont + Theme.titleFont + 52
                                                                                        : 3 * Theme.smallFont + chipS + 36,
                                                                          (bottom - top) * 0.45)))
        const rootH = Math.max(rootH0, sideH)     // the first row's height
        const areaW = width - (sideW > 0 ? sideW + 28 : 0)
        const rootW = Math.round(Math.max(170, Math.min(Theme.slide ? 420 : 340, areaW * 0.5)))
        const rest = n > 1 ? (bottom - top - rootH - (n - 1) * gapY) / (n - 1) : 0
        const grids = []
        for (let d = 1; d < levels.length; ++d) {
            const list = levels[d]
            const gapX = siblingsLink && d === 1 ? Math.round(Math.max(110, Math.min(260, width * 0.2))) : 14
            const pref = { w: Theme.slide ? 300 : 250, h: prefH(list) }
            const min = { w: 132, h: Theme.slide ? 84 : 66 }
            // One row when they fit in one, however tall the room; more
            // rows, with a trunk down their left side, when they do not.
            let g = SceneLayout.grid(list.length, width, Math.min(rest, pref.h * 1.15), pref, min, gapX, 1.15)
            if (g.rows > 1)
                g = SceneLayout.grid(list.length, width - 28, rest, pref, min, gapX, 1.15)
            // Narrow cards need not be short: back to the preferred height
            // where there is room.
            const h = Math.round(Math.max(g.h, Math.min(pref.h * 1.2, (rest - (g.rows - 1) * g.gap) / g.rows)))
            g.height += (h - g.h) * g.rows
            g.h = h
            grids.push(g)
        }
        // Room to spare goes to the gaps between generations (the tubes
        // get longer), then above the tree.
        const used = rootH + grids.reduce((t, g) => t + g.height, 0) + (n - 1) * gapY
        const spare = Math.max(0, bottom - top - used)
        const extra = n > 1 ? Math.min(linkAcross ? 90 : 60, spare / n) : 0
        const gap = gapY + extra
        const y0 = top + Math.min(30, Math.max(0, (spare - extra * (n - 1)) / 3))
        const out = { top: y0, sideW: sideW, gapY: gap, cards: {}, levels: levels }
        out.side = { x: width - sideW, y: y0, w: sideW, h: sideH }
        if (rootProc)
            out.cards[rootProc.id] = { x: Math.round((areaW - rootW) / 2), y: y0, w: rootW, h: rootH0 }
        let y = y0 + rootH + gap
        grids.forEach((g, k) => {
            const margin = g.rows > 1 ? 14 : 0
            levels[k + 1].forEach((p, i) => {
                const c = SceneLayout.cell(g, i, margin, y, width - 2 * margin)
                out.cards[p.id] = { x: Math.round(c.x), y: Math.round(c.y), w: g.w, h: g.h,
                                    row: Math.floor(i / g.cols), top: y, trunkX: Math.round((width - g.width) / 2) - 7,
                                    rowGap: g.gap }
            })
            y += g.height + gap
        })
        return out
    }

    // Where a pipe's tube runs: from its writer's card (x1, y1) to its
    // reader's (x2, y2); a stub where an end is not known yet.
    function tubeOf(q) {
        const e = endsOf(q)
        const a = layout.cards[e.writer], b = layout.cards[e.reader]
        if (a && b) {
            const overlap = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)
            if (overlap > Math.min(a.w, b.w) * 0.5) {
                // One above the other: beside the tree's edge, not on it.
                const x = Math.max(a.x, b.x) + Math.min(a.w, b.w) * 0.78
                return a.y > b.y ? { x1: x, y1: a.y, x2: x, y2: b.y + b.h, known: true, vertical: true }
                                 : { x1: x, y1: a.y + a.h, x2: x, y2: b.y, known: true, vertical: true }
            }
            const ya = a.y + a.h / 2, yb = b.y + b.h / 2
            return a.x < b.x ? { x1: a.x + a.w, y1: ya, x2: b.x, y2: yb, known: true, vertical: false }
                             : { x1: a.x, y1: ya, x2: b.x + b.w, y2: yb, known: true, vertical: false }
        }
        const len = Math.max(60, Math.min(170, width * 0.14))
        if (a)
            return { x1: a.x + a.w, y1: a.y + a.h / 2, x2: a.x + a.w + len, y2: a.y + a.h / 2, known: false, vertical: false }
        if (b)
            return { x1: b.x - len, y1: b.y + b.h / 2, x2: b.x, y2: b.y + b.h / 2, known: false, vertical: false }
        return undefined
    }
    readonly property real chipS: Theme.slide ? 30 : 24
    // Task chips in the Pool's queue strip: how many fit (one slot goes to
    // "+N" when they do not all fit).
    readonly property real taskW: Math.round(chipS * 1.7)
    readonly property int poolSlots: Math.max(2, Math.floor((layout.side.w - 20 + 4) / (taskW + 4)))
    readonly property var tubes: {
        const out = []
        queues.forEach(q => {
            const t = tubeOf(q)
            if (!t)
                return
            const len = Math.hypot(t.x2 - t.x1, t.y2 - t.y1)
            t.q = q
            t.len = len
            // The arrow head at the reader's end, pointing into its card.
            const ux = (t.x2 - t.x1) / Math.max(1, len), uy = (t.y2 - t.y1) / Math.max(1, len)
            const hw = chipS / 2 + 10, back = 12
            t.head = [Qt.point(t.x2 - ux * back - uy * hw, t.y2 - uy * back + ux * hw), Qt.point(t.x2, t.y2),
                      Qt.point(t.x2 - ux * back + uy * hw, t.y2 - uy * back - ux * hw),
                      Qt.point(t.x2 - ux * back - uy * hw, t.y2 - uy * back + ux * hw)]
            t.room = Math.max(0, Math.floor((len - 20) / (chipS + 4)))
            out.push(t)
        })
        return out
    }

    // Chips: messages in flight in the tubes, oldest at the reader's end;
    // pool tasks in the queue and in the workers. Keyed, so they slide.
    KeyedModel { id: chips }
    function chipRows() {
        const rows = []
        tubes.forEach(t => {
            const items = t.q.items
            const shown = Math.min(items.length, Math.max(0, items.length > t.room ? t.room - 1 : t.room))
            const ux = (t.x1 - t.x2) / Math.max(1, t.len), uy = (t.y1 - t.y2) / Math.max(1, t.len)
            for (let k = 0; k < shown; ++k) {
                const d = 16 + chipS / 2 + k * (chipS + 4)
                rows.push({ key: "m" + t.q.id + "-" + items[k], px: t.x2 + ux * d - chipS / 2, py: t.y2 + uy * d - chipS / 2,
                            pw: chipS, label: String(items[k]), kind: "message" })
            }
        })
        if (pool) {
            const side = layout.side
            const slotW = taskW
            const queued = pool.queuedTasks
            const fit = queued.length > poolSlots ? poolSlots - 1 : poolSlots
            for (let j = 0; j < Math.min(queued.length, fit); ++j)
                rows.push({ key: "t" + queued[j].id, px: side.x + side.w - 10 - (j + 1) * (slotW + 4) + 4,
                            py: side.y + Theme.smallFont + 14, pw: slotW, label: "#" + queued[j].id, kind: "task" })
            pool.runningTasks.forEach(t => {
                const w = byId[t.worker]
                const c = w ? layout.cards[w.process] : undefined
                if (c)
                    rows.push({ key: "t" + t.id, px: c.x + c.w - slotW - 8, py: c.y + cardBarH(c.h) + 6, pw: slotW,
                                label: "#" + t.id, kind: "task" })
            })
        }
        return rows
    }
    function refresh() {
        chips.sync(chipRows())
    }
    // ProcessCard's bar height for a card `h` tall.
    function cardBarH(h) {
        return Math.round(Math.max(20, Math.min(Theme.fontSize + 14, h * 0.3)))
    }
    Connections {
        target: root.scene
        function onSnapshotChanged() { root.refresh() }
    }
    onLayoutChanged: refresh()
    Component.onCompleted: refresh()

    SceneCaption {
        id: caption
        text: captions.text
        color: captions.alarm ? Theme.danger : Theme.text
    }
    ProcessCaption {
        id: captions
        scene: root
    }

    // The tree: parent to child, dashed to a child not started yet.
    Shape {
        anchors.fill: parent
        ShapePath {
            strokeColor: Theme.subtle
            strokeWidth: 2
            fillColor: "transparent"
            PathMultiline { paths: root.edgePaths(false) }
        }
        ShapePath {
            strokeColor: Theme.border
            strokeWidth: 1.5
            strokeStyle: ShapePath.DashLine
            dashPattern: [3, 3]
            fillColor: "transparent"
            PathMultiline { paths: root.edgePaths(true) }
        }
        // The shared block's users.
        ShapePath {
            strokeColor: Theme.accent
            strokeWidth: 1.5
            strokeStyle: ShapePath.DashLine
            dashPattern: [4, 3]
            fillColor: "transparent"
            PathMultiline { paths: root.blockPaths() }
        }
    }
    function edgePaths(pending) {
        const out = []
        children.forEach(p => {
            if ((p.state === "new") !== pending)
                return
            const a = layout.cards[p.parent], b = layout.cards[p.id]
            if (!a || !b)
                return
            const x0 = a.x + a.w / 2, y0 = a.y + a.h
            const x1 = b.x + b.w / 2, y1 = b.y
            // The bus above the first row of this generation; a card in a
            // later row is reached down the trunk at the left and along
            // the gap above its row.
            const bus = b.top - Math.min(layout.gapY / 2, 18)
            if (b.row === 0) {
                out.push([Qt.point(x0, y0), Qt.point(x0, bus), Qt.point(x1, bus), Qt.point(x1, y1)])
            } else {
                const rowBus = y1 - b.rowGap / 2
                out.push([Qt.point(x0, y0), Qt.point(x0, bus), Qt.point(b.trunkX, bus), Qt.point(b.trunkX, rowBus),
                          Qt.point(x1, rowBus), Qt.point(x1, y1)])
            }
        })
        return out
    }
    function blockPaths() {
        const out = []
        if (!block)
            return out
        const s = layout.side
        procs.forEach(p => {
            const m = byId[p.mainThread]
            const c = layout.cards[p.id]
            // The children at work on it now.
            if (!c || !m || m.lastVarOp !== "read" || p.parent === 0 || p.state !== "running")
                return
            out.push([Qt.point(s.x + s.w * 0.3, s.y + s.h), Qt.point(c.x + c.w * 0.75, c.y)])
        })
        return out
    }
    Label {
        readonly property var c: root.rootProc ? root.layout.cards[root.rootProc.id] : undefined
        visible: root.children.length > 0 && c !== undefined
        x: c ? c.x + c.w / 2 - width - 6 : 0
        y: c ? c.y + c.h + 2 : 0
        text: qsTr("parent of %n process(es)", "", root.children.filter(p => p.depth === 1).length)
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }

    // Pipes and queues: a tube from writer to reader, the messages in it.
    Repeater {
        model: root.tubes
        delegate: PipeTube {
            required property var modelData
            t: modelData
            chipS: root.chipS
            sceneWidth: root.width
            anchors.fill: parent
        }
    }

    // The processes.
    Repeater {
        model: root.procs
        delegate: ProcessCard {
            required property var modelData
            readonly property var c: root.layout.cards[modelData.id] || ({ x: 0, y: 0, w: 0, h: 0 })
            proc: modelData
            main: root.byId[modelData.mainThread]
            members: root.membersOf[modelData.id] || []
            note: captions.noteFor(modelData)
            cursorNs: root.now
            rightInset: main && main.runningTask > 0 && root.pool ? root.taskW + 8 : 0
            x: c.x
            y: c.y
            width: c.w
            height: c.h
            visible: c.w > 0
        }
    }

    ProcessSide {
        scene: root
        x: root.layout.side.x
        y: root.layout.side.y
        width: root.layout.side.w
        height: root.layout.side.h
        visible: root.hasSide
    }

    // Messages and tasks, above everything.
    Repeater {
        model: chips
        delegate: Rectangle {
            id: chip
            required property string key
            required property real px
            required property real py
            required property real pw
            required property string label
            required property string kind
            x: px
            y: py
            z: 5
            width: pw
            height: root.chipS
            radius: kind === "message" ? 4 : 6
            color: kind === "message" ? Theme.item : Theme.task
            border.color: Qt.darker(color, 1.3)
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
                width: parent.width - 4
                horizontalAlignment: Text.AlignHCenter
                elide: Text.ElideRight
                text: chip.label
                color: chip.kind === "message" ? "#ffffff" : Theme.taskInk
                font.bold: true
                font.pixelSize: Math.max(10, Math.round(root.chipS * 0.46))
            }
            ToolTip.visible: chipHover.hovered
            ToolTip.text: chip.kind === "message" ? qsTr("message %1: sent, not yet received").arg(chip.label)
                                                  : qsTr("task %1").arg(chip.label)
            HoverHandler { id: chipHover }
        }
    }

    // What the run reported, at the bottom.
    Label {
        id: facts
        visible: text !== ""
        x: 0
        width: root.width
        y: root.height - height
        wrapMode: Text.Wrap
        maximumLineCount: 2
        elide: Text.ElideRight
        text: captions.facts
        color: Theme.subtle
        font.pixelSize: Theme.smallFont + 1
    }
}
