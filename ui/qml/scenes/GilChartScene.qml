import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import ConcurrencyLab
import "SceneLayout.js" as SceneLayout

// Time against thread count for the same CPU-bound work, measured with the
// GIL, without it, and in worker processes (the run's metrics threads,
// gil_ms, free_ms, processes_ms). Under the GIL the line stays flat:
// splitting the work does not make it faster. Without it, and in processes,
// the line falls until the cores run out. While the run is
// replayed, the configuration being timed at the cursor is marked.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var metrics: controller.metrics
    readonly property var counts: Array.isArray(metrics.threads) ? metrics.threads : []
    readonly property var gilMs: Array.isArray(metrics.gil_ms) ? metrics.gil_ms : []
    readonly property var freeMs: Array.isArray(metrics.free_ms) ? metrics.free_ms : []
    readonly property var processesMs: Array.isArray(metrics.processes_ms) ? metrics.processes_ms : []
    readonly property bool hasProcesses: processesMs.length >= points && points > 0
    readonly property int points: Math.min(counts.length, gilMs.length, freeMs.length)
    readonly property bool ready: points > 0
    readonly property int cores: Math.max(1, controller.cpuCores)
    readonly property int maxThreads: ready ? counts[points - 1]
                                            : controller.runParameters.max_threads !== undefined
                                              ? controller.runParameters.max_threads : 4
    // The configuration timed at the cursor: its threads are named
    // "gilx2-1", "freex3-2", ...
    readonly property var measuring: {
        const live = scene.actors.filter(a => a.started && a.state !== 4 && /^(gil|free)x\d+-\d+$/.test(a.name))
        if (live.length === 0)
            return undefined
        const m = /^(gil|free)x(\d+)-/.exec(live[0].name)
        return { mode: m[1], threads: parseInt(m[2]), running: live.filter(a => a.state === 0).length,
                 waiting: live.filter(a => a.state === 5).length }
    }
    readonly property real peakMs: {
        let p = 0
        for (let i = 0; i < points; ++i)
            p = Math.max(p, gilMs[i], freeMs[i], hasProcesses ? processesMs[i] : 0)
        return p
    }
    // A round step for the time axis, giving 4 to 8 ticks.
    readonly property real stepMs: {
        if (peakMs <= 0)
            return 1
        const raw = peakMs / 5
        const mag = Math.pow(10, Math.floor(Math.log10(raw)))
        const f = raw / mag
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag
    }
    readonly property real topMs: Math.max(stepMs, Math.ceil(peakMs * 1.08 / stepMs) * stepMs)

    // The room this scene needs before Main scales it down.
    readonly property real minimumWidth: 640
    readonly property real minimumHeight: 320

    // Plot geometry.
    readonly property real legendW: Math.min(300, Math.max(190, width * 0.28))
    readonly property real plotX: yTitle.height + yTickMetrics.advanceWidth + 16
    readonly property real plotY: caption.height + 18
    readonly property real plotW: Math.max(100, width - plotX - legendW - 24)
    readonly property real plotH: Math.max(80, height - plotY - xTitle.height - Theme.smallFont - 18)

    function xAt(n) {
        const lo = 1, hi = Math.max(2, root.maxThreads)
        return root.plotX + (n - lo) / (hi - lo) * root.plotW
    }
    function yAt(ms) {
        return root.plotY + root.plotH - ms / root.topMs * root.plotH
    }
    function linePoints(values) {
        const out = []
        for (let i = 0; i < root.points; ++i)
            out.push(Qt.point(xAt(root.counts[i]), yAt(values[i])))
        return out
    }
    // Keeps a value label inside the plot, clear of the time axis.
    function clampX(x, w) {
        return Math.max(root.plotX + 4, Math.min(root.plotX + root.plotW - w, x))
    }
    function format(ms) {
        return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)
    }

    SceneCaption {
        id: caption
        text: {
            if (!root.ready)
                return root.measuring
                    ? (root.measuring.mode === "gil"
                       ? qsTr("Timing %n thread(s) with the GIL: only one runs at a time.", "", root.measuring.threads)
                       : qsTr("Timing %n thread(s) without a GIL: they run side by side on the cores.", "", root.measuring.threads))
                    : qsTr("The chart appears when the run has timed every thread count.")
            const last = root.points - 1
            const n = root.counts[last]
            const gilSpeedup = root.gilMs[0] / Math.max(1e-9, root.gilMs[last])
            const freeSpeedup = root.freeMs[0] / Math.max(1e-9, root.freeMs[last])
            if (last === 0)
                return qsTr("One thread: %1 ms with the GIL, %2 ms without. Raise max_threads to see the lines part.")
                    .arg(root.format(root.gilMs[0])).arg(root.format(root.freeMs[0]))
            return (gilSpeedup < 1.15
                    ? qsTr("With the GIL, %1 threads took %2 ms against %3 ms on one: no faster, only one runs at a time.")
                    : qsTr("With the GIL, %1 threads took %2 ms against %3 ms on one."))
                       .arg(n).arg(root.format(root.gilMs[last])).arg(root.format(root.gilMs[0]))
                + " " + qsTr("Without it, %1 ms: %2× faster, with %3 cores to share.")
                       .arg(root.format(root.freeMs[last])).arg(freeSpeedup.toFixed(1)).arg(root.cores)
                + (root.hasProcesses
                   ? " " + qsTr("In %1 worker processes, each with its own GIL: %2 ms.")
                           .arg(n).arg(root.format(root.processesMs[last]))
                   : "")
        }
    }

    TextMetrics {
        id: yTickMetrics
        font.pixelSize: Theme.smallFont
        text: root.format(root.topMs) + "0"
    }

    // Axes, grid lines and ticks.
    Repeater {
        model: root.ready ? Math.round(root.topMs / root.stepMs) + 1 : 0
        delegate: Item {
            required property int index
            readonly property real ms: index * root.stepMs
            Rectangle {
                x: root.plotX
                y: root.yAt(parent.ms)
                width: root.plotW
                height: 1
                color: parent.index === 0 ? Theme.subtle : Theme.border
                opacity: parent.index === 0 ? 1 : 0.6
            }
            Label {
                x: root.plotX - width - 6
                y: root.yAt(parent.ms) - height / 2
                text: parent.ms.toFixed(root.stepMs >= 1 ? 0 : root.stepMs >= 0.1 ? 1 : 2)
                color: Theme.subtle
                font.pixelSize: Theme.smallFont
            }
        }
    }
    Rectangle {
        visible: root.ready
        x: root.plotX
        y: root.plotY
        width: 1
        height: root.plotH
        color: Theme.subtle
    }
    Repeater {
        model: Math.max(0, root.maxThreads)
        delegate: Item {
            required property int index
            readonly property int n: index + 1
            visible: root.maxThreads > 1 || index === 0
            Rectangle {
                x: root.xAt(parent.n)
                y: root.plotY + root.plotH
                width: 1
                height: 5
                color: Theme.subtle
            }
            Label {
                x: root.xAt(parent.n) - width / 2
                y: root.plotY + root.plotH + 6
                text: parent.n
                color: Theme.subtle
                font.pixelSize: Theme.smallFont
            }
        }
    }
    Label {
        id: xTitle
        x: root.plotX + (root.plotW - width) / 2
        y: root.plotY + root.plotH + Theme.smallFont + 10
        text: qsTr("threads sharing the same work")
        color: Theme.text
        font.pixelSize: Theme.smallFont + 1
    }
    Label {
        id: yTitle
        text: qsTr("wall time, ms (lower is faster)")
        color: Theme.text
        font.pixelSize: Theme.smallFont + 1
        rotation: -90
        transformOrigin: Item.TopLeft
        x: 0
        y: root.plotY + root.plotH / 2 + width / 2
    }
    // The cores: past this many threads, even without a GIL nothing more
    // runs at once.
    Rectangle {
        visible: root.cores < root.maxThreads
        x: root.xAt(root.cores)
        y: root.plotY
        width: 1
        height: root.plotH
        color: Theme.subtle
        Label {
            x: 4
            y: 2
            text: qsTr("cores on this machine: %1").arg(root.cores)
            color: Theme.subtle
            font.pixelSize: Theme.smallFont
        }
    }

    // The measured lines, and a reference: one thread's time split evenly
    // over the threads, as far as the cores allow.
    Shape {
        anchors.fill: parent
        visible: root.ready
        ShapePath {
            strokeColor: Theme.subtle
            strokeWidth: 1.5
            strokeStyle: ShapePath.DashLine
            dashPattern: [2, 3]
            fillColor: "transparent"
            PathPolyline {
                path: {
                    const out = []
                    if (!root.ready)
                        return out
                    for (let i = 0; i < root.points; ++i) {
                        const n = root.counts[i]
                        out.push(Qt.point(root.xAt(n), root.yAt(root.freeMs[0] / Math.min(n, root.cores))))
                    }
                    return out
                }
            }
        }
        ShapePath {
            strokeColor: Theme.danger
            strokeWidth: 3
            fillColor: "transparent"
            joinStyle: ShapePath.RoundJoin
            PathPolyline { path: root.ready ? root.linePoints(root.gilMs) : [] }
        }
        ShapePath {
            strokeColor: Theme.accent
            strokeWidth: 3
            fillColor: "transparent"
            joinStyle: ShapePath.RoundJoin
            PathPolyline { path: root.ready ? root.linePoints(root.freeMs) : [] }
        }
        ShapePath {
            strokeColor: root.hasProcesses ? Theme.task : "transparent"
            strokeWidth: 3
            strokeStyle: ShapePath.DashLine
            dashPattern: [4, 2]
            fillColor: "transparent"
            joinStyle: ShapePath.RoundJoin
            PathPolyline { path: root.ready && root.hasProcesses ? root.linePoints(root.processesMs) : [] }
        }
    }
    // Markers with their values: circles for the GIL, squares without.
    Repeater {
        model: root.points
        delegate: Item {
            id: point
            required property int index
            readonly property int n: root.counts[index]
            readonly property bool current: root.measuring !== undefined && root.measuring.threads === n
            readonly property real gy: root.yAt(root.gilMs[index])
            readonly property real fy: root.yAt(root.freeMs[index])
            readonly property real py: root.hasProcesses ? root.yAt(root.processesMs[index]) : 0
            // The value labels go above the higher point and below the lower.
            readonly property bool gilAbove: gy <= fy
            Rectangle {
                x: root.xAt(point.n) - width / 2
                y: point.gy - height / 2
                width: point.current && root.measuring.mode === "gil" ? 16 : 11
                height: width
                radius: width / 2
                color: Theme.danger
                border.color: Theme.panel
                border.width: 2
            }
            Rectangle {
                x: root.xAt(point.n) - width / 2
                y: point.fy - height / 2
                width: point.current && root.measuring.mode === "free" ? 15 : 10
                height: width
                color: Theme.accent
                border.color: Theme.panel
                border.width: 2
            }
            // Processes: a diamond, its value beside it.
            Rectangle {
                visible: root.hasProcesses
                x: root.xAt(point.n) - width / 2
                y: point.py - height / 2
                width: 10
                height: 10
                rotation: 45
                color: Theme.task
                border.color: Theme.panel
                border.width: 2
            }
            Label {
                visible: root.hasProcesses
                // Beside the diamond, on the side away from the plot's edge.
                x: point.index === root.points - 1 && root.points > 1 ? root.xAt(point.n) - width - 10
                                                                      : root.clampX(root.xAt(point.n) + 10, width)
                y: point.py - height / 2
                text: root.hasProcesses ? root.format(root.processesMs[point.index]) : ""
                color: Theme.task
                font.pixelSize: Theme.smallFont
                font.bold: true
            }
            Label {
                x: root.clampX(root.xAt(point.n) - width / 2, width)
                y: point.gilAbove ? point.gy - height - 7 : point.gy + 7
                text: root.format(root.gilMs[point.index])
                color: Theme.danger
                font.pixelSize: Theme.smallFont
                font.bold: true
            }
            Label {
                x: root.clampX(root.xAt(point.n) - width / 2, width)
                y: point.gilAbove ? point.fy + 7 : point.fy - height - 7
                text: root.format(root.freeMs[point.index])
                color: Theme.accent
                font.pixelSize: Theme.smallFont
                font.bold: true
            }
        }
    }
    // What is timed at the cursor.
    Rectangle {
        visible: root.measuring !== undefined && root.maxThreads >= 1
        x: root.measuring ? root.xAt(root.measuring.threads) - width / 2 : 0
        y: root.plotY
        width: 2
        height: root.plotH
        color: root.measuring && root.measuring.mode === "gil" ? Theme.danger : Theme.accent
        opacity: 0.5
    }

    // The legend.
    Column {
        x: root.width - root.legendW
        y: root.plotY
        width: root.legendW
        spacing: 8
        Repeater {
            model: [
                { kind: "gil", color: Theme.danger, label: qsTr("with the GIL (CPython today)") },
                { kind: "free", color: Theme.accent, label: qsTr("no GIL (free-threaded build)") },
                { kind: "ideal", color: Theme.subtle, label: qsTr("perfect split: one thread's time ÷ threads, up to the cores (worked out, not measured)") },
                { kind: "processes", color: Theme.task, label: qsTr("worker processes, one per thread, each with its own GIL (multiprocessing)") }
            ]
            delegate: Row {
                id: entry
                required property var modelData
                spacing: 8
                width: root.legendW
                Item {
                    id: swatch
                    width: 30
                    height: Theme.smallFont + 6
                    Shape {
                        anchors.fill: parent
                        ShapePath {
                            strokeColor: entry.modelData.color
                            strokeWidth: entry.modelData.kind === "ideal" ? 1.5 : 3
                            strokeStyle: entry.modelData.kind === "gil" || entry.modelData.kind === "free"
                                         ? ShapePath.SolidLine : ShapePath.DashLine
                            dashPattern: entry.modelData.kind === "processes" ? [4, 2] : [2, 3]
                            fillColor: "transparent"
                            startX: 0; startY: swatch.height / 2
                            PathLine { x: 30; y: swatch.height / 2 }
                        }
                    }
                    Rectangle {
                        visible: entry.modelData.kind !== "ideal"
                        anchors.centerIn: parent
                        width: 10
                        height: 10
                        radius: entry.modelData.kind === "gil" ? 5 : 0
                        rotation: entry.modelData.kind === "processes" ? 45 : 0
                        color: entry.modelData.color
                    }
                }
                Label {
                    id: entryLabel
                    width: root.legendW - 38
                    wrapMode: Text.Wrap
                    text: entry.modelData.label
                    color: Theme.text
                    font.pixelSize: Theme.smallFont
                }
            }
        }
        Label {
            visible: root.measuring !== undefined
            width: root.legendW
            wrapMode: Text.Wrap
            topPadding: 6
            text: !root.measuring ? ""
                : root.measuring.mode === "gil"
                  ? qsTr("At the cursor: %n thread(s) with the GIL, %1 running, %2 waiting for it.", "", root.measuring.threads)
                      .arg(root.measuring.running).arg(root.measuring.waiting)
                  : qsTr("At the cursor: %n thread(s) without a GIL, %1 running.", "", root.measuring.threads)
                      .arg(root.measuring.running)
            color: Theme.text
            font.pixelSize: Theme.smallFont
        }
    }

    Label {
        visible: !root.ready
        x: root.plotX
        y: root.plotY + root.plotH / 2 - height / 2
        width: root.plotW
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: root.controller.running ? qsTr("Measuring… the chart is drawn from the timings when the run ends.")
                                      : qsTr("No timings yet: press Run.")
        color: Theme.subtle
        font.pixelSize: Theme.fontSize
    }
}
