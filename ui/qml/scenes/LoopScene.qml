import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import ConcurrencyLab
import "SceneLayout.js" as SceneLayout

// The event loop: one thread, one coroutine running on it at a time. Ready
// coroutines queue in the order they became ready and run one after the
// other; a coroutine that awaits steps out of the loop to wait on a timer
// (asyncio.sleep, with the time it wakes), a socket (epoll), or a queue,
// semaphore, lock, event or another task. While nothing is ready the
// loop's own thread sleeps in epoll_wait. Big crowds are summarised ("+412
// more sleeping"). With OS threads in the same run (coroutines against
// threads), the measured figures stand side by side.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var coroutines: scene.actors.filter(a => a.kind === "coroutine")
    readonly property var byId: {
        const out = {}
        coroutines.forEach(a => out[a.id] = a)
        return out
    }
    readonly property var loopThread: {
        const parent = coroutines.length > 0 ? coroutines[0].parent : 0
        return scene.actors.find(a => a.kind !== "coroutine" && (parent !== 0 ? a.id === parent : a.name === "MainThread"))
    }
    readonly property var otherThreads: scene.actors.filter(a => a.kind !== "coroutine" && (!loopThread || a.id !== loopThread.id))
    readonly property var current: coroutines.find(a => a.started && a.state === 0)
    readonly property var ready: coroutines.filter(a => a.state === 6).sort((a, b) => a.readySeq - b.readySeq)
    readonly property var sleepers: coroutines.filter(a => a.started && a.state === 3 && a.reason !== "io")
                                              .sort((a, b) => a.wakeAtNs - b.wakeAtNs || a.id - b.id)
    readonly property var ioWaiters: coroutines.filter(a => a.started && a.state === 3 && a.reason === "io")
                                               .sort((a, b) => a.sinceNs - b.sinceNs || a.id - b.id)
    readonly property var awaiting: coroutines.filter(a => a.started && (a.state === 1 || a.state === 2))
                                              .sort((a, b) => a.object - b.object || a.sinceNs - b.sinceNs || a.id - b.id)
    readonly property int finished: coroutines.filter(a => a.started && a.state === 4).length
    readonly property int notStarted: coroutines.filter(a => !a.started && a.state !== 6).length
    readonly property bool loopIdle: loopThread !== undefined && loopThread.started && loopThread.state === 3
                                     && loopThread.reason === "io"
    readonly property var syncObjects: scene.objects.filter(o => ["Queue", "Semaphore", "BoundedSemaphore", "Lock", "Event",
                                                                   "Condition"].indexOf(o.kind) >= 0)
    readonly property var metrics: controller.metrics
    readonly property bool comparing: metrics.coroutine_create_us !== undefined || otherThreads.length > 0

    // The room this scene needs before Main scales it down.
    readonly property real minimumWidth: comparing ? 760 : 660
    readonly property real minimumHeight: 360

    // Geometry.
    readonly property real gap: 6
    readonly property real labelH: Theme.smallFont + 8
    readonly property real topY: caption.height + 6
    readonly property real sideW: comparing ? Math.round(Math.min(440, Math.max(250, width * 0.33))) : 0
    readonly property real mainW: width - (sideW > 0 ? sideW + 18 : 0)
    readonly property real tw: Math.round(Math.max(86, Math.min(Theme.slide ? 170 : 140, mainW / 6.2)))
    readonly property real th: Math.round(Math.max(30, Math.min(Theme.slide ? 58 : 50, (height - topY) / 6.5)))
    readonly property real loopW: Math.round(Math.max(tw + 40, Math.min(mainW * 0.34, tw * 2 + 60)))
    readonly property real loopX: mainW - loopW
    readonly property real rowAY: topY + labelH
    readonly property real rowAH: 2 * th + 3 * gap + 24
    readonly property real laneW: loopX - 30
    readonly property real rowBY: rowAY + rowAH + labelH + 10
    readonly property real rowBH: Math.max(th + 12, height - rowBY)
    // Row B: timers | sockets | awaiting something, side by side.
    readonly property real colGap: 10
    readonly property real sleepW: Math.round((mainW - 2 * colGap) * 0.38)
    readonly property real ioW: Math.round((mainW - 2 * colGap) * 0.24)
    readonly property real awaitW: mainW - sleepW - ioW - 2 * colGap
    readonly property real ioX: sleepW + colGap
    readonly property real awaitX: ioX + ioW + colGap
    readonly property real bandTop: rowBY + (syncObjects.length > 0 ? Theme.smallFont + 6 : 0)

    function fmt(ns) {
        return SceneLayout.duration(ns)
    }

    // A band's grid: how many tokens fit, and where each goes. The last
    // cell says "+N more" when they do not all fit.
    function band(n, x0, y0, w, h) {
        // Smaller tokens, down to 80 × 28, before anyone is left out.
        let cols = 1, rows = 1, bw = tw, bh = th
        for (let s = 1.0; s >= 0; s -= 0.1) {
            bw = Math.max(80, Math.min(tw, Math.round(tw * s)))
            bh = Math.max(28, Math.min(th, Math.round(th * s)))
            cols = Math.max(1, Math.floor((w - 12 + gap) / (bw + gap)))
            rows = Math.max(1, Math.floor((h - 12 + gap) / (bh + gap)))
            if (cols * rows >= n || (bw <= 80 && bh <= 28))
                break
        }
        const cw = Math.min(bw, (w - 12 - (cols - 1) * gap) / cols)
        const fits = cols * rows
        const shown = n > fits ? fits - 1 : n
        return { cols: cols, w: cw, h: bh, shown: shown, more: n - shown,
                 cell: i => ({ x: x0 + 6 + (i % cols) * (cw + gap), y: y0 + 6 + Math.floor(i / cols) * (bh + gap) }) }
    }

    readonly property var readyBand: {
        // The ready lane fills from its right end (the loop side).
        const b = band(ready.length, 0, rowAY, laneW, rowAH)
        b.cell = i => ({ x: laneW - 6 - ((i % b.cols) + 1) * (b.w + gap) + gap, y: rowAY + 6 + Math.floor(i / b.cols) * (b.h + gap) })
        return b
    }
    readonly property var sleepBand: band(sleepers.length, 0, bandTop, sleepW, height - bandTop)
    readonly property var ioBand: band(ioWaiters.length, ioX, bandTop, ioW, height - bandTop)
    readonly property var awaitBand: band(awaiting.length, awaitX, bandTop, awaitW, height - bandTop)
    readonly property var seat: ({ x: loopX + (loopW - tw) / 2, y: rowAY + th + 2 * gap + 18 })

    KeyedModel { id: tokens }
    function tokenRows() {
        const rows = []
        const add = (a, where, c, w, h, note) => rows.push({ key: a.id, px: c.x, py: c.y, pw: w, ph: h, where: where, tip: note })
        const now = scene.cursorNs
        if (current)
            add(current, "running", seat, tw, th, qsTr("running %1").arg(fmt(current.forNs)))
        for (let i = 0; i < readyBand.shown; ++i)
            add(ready[i], "ready", readyBand.cell(i), readyBand.w, readyBand.h, qsTr("#%1 · ready %2").arg(i + 1).arg(fmt(ready[i].forNs)))
        for (let i = 0; i < sleepBand.shown; ++i) {
            const a = sleepers[i]
            add(a, "sleep", sleepBand.cell(i), sleepBand.w, sleepBand.h,
                a.wakeAtNs > now ? qsTr("wakes in %1").arg(fmt(a.wakeAtNs - now)) : qsTr("due now"))
        }
        for (let i = 0; i < ioBand.shown; ++i)
            add(ioWaiters[i], "io", ioBand.cell(i), ioBand.w, ioBand.h, qsTr("socket %1").arg(fmt(ioWaiters[i].forNs)))
        for (let i = 0; i < awaitBand.shown; ++i) {
            const a = awaiting[i]
            add(a, "await", awaitBand.cell(i), awaitBand.w, awaitBand.h,
                a.reason === "join" && a.awaitedName !== "" ? qsTr("awaits %1").arg(a.awaitedName)
                : a.objectName !== "" ? qsTr("%1 · %2").arg(a.objectName).arg(fmt(a.forNs))
                : a.reason === "future" ? qsTr("awaits results · %1").arg(fmt(a.forNs))
                : qsTr("waits %1").arg(fmt(a.forNs)))
        }
        return rows
    }
    function refresh() {
        if (scene)
            tokens.sync(tokenRows())
    }
    Connections {
        target: root.scene
        function onSnapshotChanged() { root.refresh() }
    }
    onWidthChanged: refresh()
    onHeightChanged: refresh()
    Component.onCompleted: refresh()

    SceneCaption {
        id: caption
        width: root.width
        text: {
            const n = root.coroutines.length
            if (n === 0)
                return root.loopThread && root.loopThread.started ? qsTr("asyncio.run() starts the event loop on %1.").arg(root.loopThread.name) : ""
            if (root.finished === n) {
                if (root.otherThreads.length > 0) {
                    const alive = root.otherThreads.filter(a => a.started && a.state !== 4).length
                    return alive > 0 ? qsTr("The coroutines are done. Now the same wait on OS threads: %1 of %2 alive, each with a stack of its own.")
                                           .arg(alive).arg(root.otherThreads.length)
                                     : qsTr("Both sides are done: the figures measured on this machine are at the right.")
                }
                return qsTr("Every task finished; asyncio.run() closes the loop.")
            }
            if (root.current)
                return root.ready.length > 0
                    ? qsTr("One coroutine at a time on one thread: %1 runs, %n more are ready and wait their turn.", "", root.ready.length)
                        .arg(root.current.name)
                    : qsTr("%1 runs on the loop; the others wait for timers, sockets or each other without using a thread.")
                        .arg(root.current.name)
            if (root.loopIdle)
                return root.sleepers.length > 0 && root.sleepers[0].wakeAtNs > root.scene.cursorNs
                    ? qsTr("Nothing is ready: the loop sleeps in epoll_wait until the next timer (in %1) or a socket wakes it.")
                        .arg(root.fmt(root.sleepers[0].wakeAtNs - root.scene.cursorNs))
                    : root.sleepers.length > 0
                    ? qsTr("Nothing is ready yet: a timer is due, and the loop is waking up from epoll_wait to run it.")
                    : qsTr("Nothing is ready: the loop sleeps in epoll_wait until a socket wakes it.")
            if (root.ready.length > 0)
                return qsTr("The loop picks the next ready coroutine: %n ready, first in line %1.", "", root.ready.length)
                    .arg(root.ready[0].name)
            return qsTr("The loop checks its timers and sockets.")
        }
    }

    // Row A: the ready queue leading into the loop.
    Label {
        x: 0
        y: root.rowAY - height - 2
        width: root.laneW
        elide: Text.ElideRight
        text: root.ready.length > 0
              ? qsTr("ready to run, in the order they became ready: %n (next one at the right)", "", root.ready.length)
              : qsTr("ready to run: nobody")
        color: root.ready.length > 0 ? Theme.text : Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Rectangle {
        y: root.rowAY
        width: root.laneW
        height: root.rowAH
        radius: 8
        color: Theme.sunken
        border.color: Theme.border
        Label {
            visible: root.readyBand.more > 0
            x: 6
            y: root.readyBand.cell(root.readyBand.shown).y - root.rowAY
            width: root.readyBand.w
            height: root.readyBand.h
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.Wrap
            text: qsTr("+%1 more ready").arg(root.readyBand.more)
            color: Theme.subtle
            font.pixelSize: Theme.smallFont
        }
    }
    Shape {
        x: root.laneW + 4
        y: root.seat.y + root.th / 2 - 10
        width: 24
        height: 20
        ShapePath {
            strokeColor: "transparent"
            fillColor: root.ready.length > 0 ? Theme.stateColor(6) : Theme.border
            startX: 0; startY: 0
            PathLine { x: 22; y: 10 }
            PathLine { x: 0; y: 20 }
            PathLine { x: 0; y: 0 }
        }
    }

    // The loop: its thread, and the one seat a coroutine runs in.
    Label {
        x: root.loopX
        y: root.rowAY - height - 2
        width: root.loopW
        elide: Text.ElideRight
        text: qsTr("the event loop: one coroutine at a time")
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Rectangle {
        x: root.loopX
        y: root.rowAY
        width: root.loopW
        height: root.rowAH
        radius: 14
        color: Theme.panelAlt
        border.color: root.current ? Theme.stateColor(0) : Theme.border
        border.width: root.current ? 3 : 1
    }
    ActorToken {
        visible: root.loopThread !== undefined
        actor: root.loopThread
        x: root.loopX + 8
        y: root.rowAY + root.gap
        width: root.loopW - 16
        height: root.th
        note: !root.loopThread || !root.loopThread.started ? ""
            : root.loopIdle ? qsTr("idle in epoll_wait %1").arg(root.fmt(root.loopThread.forNs))
            : root.loopThread.reason === "join" ? qsTr("join() %1").arg(root.fmt(root.loopThread.forNs))
            : root.coroutines.length > 0 && root.finished === root.coroutines.length
              ? (root.loopThread.state === 0 ? qsTr("done with the loop") : "")
            : root.loopThread.state === 0 ? (root.current ? qsTr("runs the loop: resumed %1").arg(root.current.name)
                                                          : qsTr("runs the loop"))
            : ""
    }
    Label {
        x: root.loopX + 8
        y: root.seat.y - height - 2
        width: root.loopW - 16
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight
        text: qsTr("running now")
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Rectangle {
        x: root.seat.x - 4
        y: root.seat.y - 4
        width: root.tw + 8
        height: root.th + 8
        radius: Math.min(12, height / 4)
        color: Theme.panel
        border.color: root.current ? Theme.stateColor(0) : Theme.border
        Label {
            anchors.centerIn: parent
            visible: !root.current
            width: parent.width - 8
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideRight
            text: root.loopIdle ? qsTr("empty: loop idle") : qsTr("empty")
            color: Theme.subtle
            font.pixelSize: Theme.smallFont
        }
    }

    // Row B: where the awaiting coroutines wait.
    Label {
        x: 0
        y: root.rowBY - height - 2
        width: root.sleepW
        elide: Text.ElideRight
        text: qsTr("sleeping (timers), soonest first: %1").arg(root.sleepers.length)
        color: root.sleepers.length > 0 ? Theme.text : Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Label {
        x: root.ioX
        y: root.rowBY - height - 2
        width: root.ioW
        elide: Text.ElideRight
        text: qsTr("waiting on a socket (epoll): %1").arg(root.ioWaiters.length)
        color: root.ioWaiters.length > 0 ? Theme.text : Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Label {
        x: root.awaitX
        y: root.rowBY - height - 2
        width: root.awaitW
        elide: Text.ElideRight
        text: qsTr("awaiting a queue, lock, event or task: %1").arg(root.awaiting.length)
        color: root.awaiting.length > 0 ? Theme.text : Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    // What the awaited objects hold now.
    Label {
        visible: root.syncObjects.length > 0
        x: root.awaitX
        y: root.rowBY
        width: root.awaitW
        elide: Text.ElideRight
        text: root.syncObjects.map(o =>
            o.kind === "Queue" ? qsTr("%1: %n item(s)", "", o.items.length).arg(o.name)
            : o.kind === "Semaphore" || o.kind === "BoundedSemaphore" ? qsTr("%1: %2 of %3 free").arg(o.name).arg(o.freePermits).arg(o.capacity)
            : o.kind === "Event" ? (o.flag ? qsTr("%1: set").arg(o.name) : qsTr("%1: not set").arg(o.name))
            : o.owner !== 0 ? qsTr("%1: held by %2").arg(o.name).arg(o.ownerName)
            : qsTr("%1: free").arg(o.name)).join(" · ")
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Repeater {
        model: [
            { x: 0, w: root.sleepW, band: root.sleepBand, what: qsTr("+%1 more sleeping") },
            { x: root.ioX, w: root.ioW, band: root.ioBand, what: qsTr("+%1 more on sockets") },
            { x: root.awaitX, w: root.awaitW, band: root.awaitBand, what: qsTr("+%1 more awaiting") }
        ]
        delegate: Rectangle {
            id: area
            required property var modelData
            x: modelData.x
            y: root.bandTop
            width: modelData.w
            height: root.height - root.bandTop
            radius: 8
            color: "transparent"
            border.color: Theme.border
            Label {
                visible: area.modelData.band.more > 0
                x: area.modelData.band.cell(area.modelData.band.shown).x - area.x
                y: area.modelData.band.cell(area.modelData.band.shown).y - area.y
                width: area.modelData.band.w
                height: area.modelData.band.h
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                wrapMode: Text.Wrap
                text: area.modelData.what.arg(area.modelData.band.more)
                color: Theme.subtle
                font.pixelSize: Theme.smallFont
            }
        }
    }
    // Finished and not yet started tasks, counted at the top right of the
    // loop.
    Label {
        x: root.loopX
        y: root.rowAY + root.rowAH + 2
        width: root.loopW
        horizontalAlignment: Text.AlignRight
        elide: Text.ElideRight
        text: root.notStarted > 0 ? qsTr("finished: %1 · still to come: %2").arg(root.finished).arg(root.notStarted)
                                  : qsTr("tasks finished: %1 of %2").arg(root.finished).arg(root.coroutines.length)
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }

    // The coroutines on screen, keyed by actor so each keeps its token as it
    // moves from the ready queue into the loop and out to wait.
    Repeater {
        model: tokens
        delegate: ActorToken {
            required property int key
            required property real px
            required property real py
            required property real pw
            required property real ph
            required property string where
            required property string tip
            actor: root.byId[key]
            note: tip
            x: px
            y: py
            width: pw
            height: ph
            z: where === "running" ? 4 : 3
            emphasised: where === "running"
            emphasisColor: Theme.text
            Behavior on width {
                enabled: Theme.animate
                NumberAnimation { duration: Theme.moveMs }
            }
            Behavior on height {
                enabled: Theme.animate
                NumberAnimation { duration: Theme.moveMs }
            }
        }
    }

    // Coroutines against threads: the figures measured on this machine, and
    // the OS threads of the run as one dot each.
    Rectangle {
        id: side
        visible: root.comparing
        x: root.width - root.sideW
        y: root.topY
        width: root.sideW
        height: root.height - root.topY
        radius: 10
        color: Theme.panelAlt
        border.color: Theme.border

        readonly property var rows: [
            { label: qsTr("create one"), c: root.metrics.coroutine_create_us, t: root.metrics.thread_create_us, unit: "us" },
            { label: qsTr("memory each"), c: root.metrics.coroutine_bytes_each, t: root.metrics.thread_bytes_each, unit: "bytes" },
            { label: qsTr("one switch"), c: root.metrics.coroutine_switch_ns, t: root.metrics.thread_switch_ns, unit: "ns" },
            { label: qsTr("all of them, wall time"), c: root.metrics.coroutines_elapsed_ms, t: root.metrics.threads_elapsed_ms, unit: "ms" }
        ]
        function show(v, unit) {
            if (v === undefined)
                return "–"
            if (unit === "us")
                return SceneLayout.duration(v * 1e3)
            if (unit === "ns")
                return SceneLayout.duration(v)
            if (unit === "ms")
                return SceneLayout.duration(v * 1e6)
            return v >= 1048576 ? qsTr("%1 MB").arg((v / 1048576).toFixed(1))
                 : v >= 1024 ? qsTr("%1 KB").arg((v / 1024).toFixed(1))
                 : qsTr("%1 B").arg(Math.round(v))
        }

        Column {
            id: table
            x: 10
            y: 8
            width: side.width - 20
            spacing: 4
            Label {
                width: parent.width
                wrapMode: Text.Wrap
                text: root.controller.runParameters.count !== undefined
                      ? qsTr("Measured on this machine, %1 of each:").arg(root.controller.runParameters.count)
                      : qsTr("Measured on this machine:")
                font.bold: true
                font.pixelSize: Theme.smallFont + 1
            }
            Row {
                width: parent.width
                Label { width: parent.width * 0.4; text: ""; font.pixelSize: Theme.smallFont }
                Label { width: parent.width * 0.3; text: qsTr("coroutines"); color: Theme.accent; font.bold: true; font.pixelSize: Theme.smallFont }
                Label { width: parent.width * 0.3; text: qsTr("OS threads"); color: Theme.danger; font.bold: true; font.pixelSize: Theme.smallFont }
            }
            Repeater {
                model: side.rows
                delegate: Column {
                    id: metricRow
                    required property var modelData
                    readonly property real peak: Math.max(modelData.c || 0, modelData.t || 0)
                    width: table.width
                    spacing: 1
                    Row {
                        width: parent.width
                        Label {
                            width: parent.width * 0.4
                            text: metricRow.modelData.label
                            color: Theme.subtle
                            elide: Text.ElideRight
                            font.pixelSize: Theme.smallFont
                        }
                        Label {
                            width: parent.width * 0.3
                            text: side.show(metricRow.modelData.c, metricRow.modelData.unit)
                            font.bold: true
                            font.pixelSize: Theme.smallFont
                        }
                        Label {
                            width: parent.width * 0.3
                            text: side.show(metricRow.modelData.t, metricRow.modelData.unit)
                            font.bold: true
                            font.pixelSize: Theme.smallFont
                        }
                    }
                    // Bars on one scale per row, so the ratio shows.
                    Rectangle {
                        width: metricRow.peak > 0 ? Math.max(2, table.width * (metricRow.modelData.c || 0) / metricRow.peak) : 0
                        height: 4
                        color: Theme.accent
                    }
                    Rectangle {
                        width: metricRow.peak > 0 ? Math.max(2, table.width * (metricRow.modelData.t || 0) / metricRow.peak) : 0
                        height: 4
                        color: Theme.danger
                    }
                }
            }
            Label {
                visible: root.metrics.coroutine_create_us === undefined
                width: parent.width
                wrapMode: Text.Wrap
                text: qsTr("The figures appear when the run ends.")
                color: Theme.subtle
                font.pixelSize: Theme.smallFont
            }
            Label {
                visible: root.metrics.thread_error !== undefined
                width: parent.width
                wrapMode: Text.Wrap
                text: qsTr("Starting threads failed: %1").arg(root.metrics.thread_error)
                color: Theme.danger
                font.pixelSize: Theme.smallFont
            }
        }
        // One dot per coroutine and per OS thread, in its state's colour:
        // the same crowd, two ways.
        Column {
            id: crowds
            x: 10
            y: table.y + table.height + 8
            width: side.width - 20
            spacing: 4
            readonly property real room: side.height - y - 8 - 2 * (Theme.smallFont * 2 + 10)
            readonly property int most: Math.max(1, root.coroutines.length + root.otherThreads.length)
            readonly property real dot: Math.max(3, Math.min(10, Math.floor(Math.sqrt(width * Math.max(20, room) / most)) - 1))
            Repeater {
                model: [
                    { list: root.coroutines,
                      title: qsTr("coroutines of this run: %1 · %2 asleep, %3 finished")
                          .arg(root.coroutines.length).arg(root.sleepers.length).arg(root.finished) },
                    { list: root.otherThreads,
                      title: root.otherThreads.length === 0 ? qsTr("OS threads of this run: none yet")
                          : qsTr("OS threads of this run: %1 · %2 asleep, %3 finished")
                              .arg(root.otherThreads.length)
                              .arg(root.otherThreads.filter(a => a.started && a.state === 3).length)
                              .arg(root.otherThreads.filter(a => a.started && a.state === 4).length) }
                ]
                delegate: Column {
                    id: crowd
                    required property var modelData
                    width: crowds.width
                    spacing: 2
                    Label {
                        width: parent.width
                        wrapMode: Text.Wrap
                        text: crowd.modelData.title
                        font.pixelSize: Theme.smallFont
                    }
                    Flow {
                        width: parent.width
                        height: Math.ceil(crowd.modelData.list.length / Math.max(1, Math.floor((width + 1) / (crowds.dot + 1))))
                                * (crowds.dot + 1)
                        spacing: 1
                        Repeater {
                            model: crowd.modelData.list.length
                            delegate: Rectangle {
                                required property int index
                                readonly property var a: crowd.modelData.list[index]
                                width: crowds.dot
                                height: crowds.dot
                                color: a && (a.started || a.state === 6) ? Theme.stateColor(a.state) : "transparent"
                                border.color: a && (a.started || a.state === 6) ? "transparent" : Theme.border
                                border.width: 1
                            }
                        }
                    }
                }
            }
            Label {
                width: parent.width
                wrapMode: Text.Wrap
                text: qsTr("one dot each, in its state's colour; hollow: not started yet")
                color: Theme.subtle
                font.pixelSize: Theme.smallFont
            }
        }
    }
}
