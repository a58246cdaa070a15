import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import ConcurrencyLab
import "SceneLayout.js" as SceneLayout

// ThreadPoolExecutor: submit() puts tasks on a conveyor (the work queue),
// each idle worker takes the next one, and a finished task's future holds
// its result. Task chips travel from the conveyor into a worker and on to
// the done futures as the cursor moves.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var pool: scene.objects.find(o => o.kind === "Pool")
    readonly property var submitter: scene.actors.find(a => a.name === "MainThread")
    readonly property var workers: scene.actors.filter(a => a.name !== "MainThread")
    readonly property string prefix: SceneLayout.commonPrefix(workers.map(a => a.name))
    readonly property int busy: pool ? pool.runningTasks.length : 0
    readonly property int queued: pool ? pool.queuedTasks.length : 0
    readonly property int done: pool ? pool.finishedCount : 0

    // The room this scene needs before Main scales it down.
    readonly property real minimumWidth: workers.length > 12 ? 720 : 640
    readonly property real minimumHeight: workers.length > 12 ? 380 : 320

    function taskOf(worker) {
        return root.pool ? root.pool.runningTasks.find(t => t.worker === worker.id) : undefined
    }

    // Geometry, in three bands: conveyor, workers, futures.
    readonly property real gap: 8
    readonly property real labelH: Theme.smallFont + 8
    readonly property real chipH: Math.max(22, Math.min(32, height * 0.07))
    readonly property real chipW: Math.round(chipH * 1.9)
    readonly property real doneW: Math.round(chipH * 3.3)
    readonly property real topY: caption.height + 6
    readonly property real beltY: topY + labelH
    readonly property real beltH: chipH + 16
    readonly property real mainW: submitter ? Math.min(170, Math.max(110, width * 0.15)) : 0
    readonly property real beltX: mainW > 0 ? mainW + 34 : 0
    readonly property real beltW: width - beltX
    readonly property real stationsY: beltY + beltH + labelH + 6
    readonly property var grid: SceneLayout.grid(workers.length, width, height - stationsY - 16 - labelH - chipH,
                                                 { w: 230, h: 56 }, { w: 92, h: 28 }, gap, 1.25)
    // The futures right under the workers, in as many rows as fit.
    readonly property real futuresY: Math.min(height - labelH - chipH, stationsY + grid.height + 14)
    readonly property int futureRows: Math.max(1, Math.min(4, Math.floor((height - futuresY - labelH + 4) / (chipH + 4))))
    readonly property real slotW: Math.min(chipW, grid.w * 0.42)
    readonly property int beltSlots: Math.max(1, Math.floor((beltW - 16 - 60 + 4) / (chipW + 4)))
    readonly property int futureCols: Math.max(1, Math.floor((width + 4) / (doneW + 4)))

    function station(i) {
        return SceneLayout.cell(grid, i, 0, stationsY, width)
    }

    // One row per chip on screen, keyed by task id so a chip keeps its
    // delegate (and animates) as it moves from band to band.
    KeyedModel { id: chips }
    function chipRows() {
        const rows = []
        if (!pool)
            return rows
        const queued = pool.queuedTasks
        for (let j = 0; j < Math.min(queued.length, beltSlots); ++j) {
            rows.push({ key: queued[j].id, px: beltX + beltW - 8 - (j + 1) * (chipW + 4) + 4, py: beltY + 8,
                        pw: chipW, label: qsTr("#%1").arg(queued[j].id), place: "queued", ok: true })
        }
        pool.runningTasks.forEach(t => {
            const i = workers.findIndex(a => a.id === t.worker)
            if (i < 0)
                return
            const c = station(i)
            rows.push({ key: t.id, px: c.x + grid.w - slotW - 4, py: c.y + (grid.h - chipH) / 2,
                        pw: slotW, label: qsTr("#%1").arg(t.id), place: "running", ok: true })
        })
        const finished = pool.finishedTasks
        const shown = Math.min(finished.length, futureCols * futureRows)
        for (let k = 0; k < shown; ++k) {
            const t = finished[finished.length - 1 - k]   // newest first
            rows.push({ key: t.id, px: (k % futureCols) * (doneW + 4),
                        py: futuresY + labelH + Math.floor(k / futureCols) * (chipH + 4), pw: doneW,
                        label: t.hasResult ? qsTr("#%1 → %2").arg(t.id).arg(t.result)
                                           : t.ok ? qsTr("#%1 done").arg(t.id) : qsTr("#%1 raised").arg(t.id),
                        place: "done", ok: t.ok })
        }
        return rows
    }
    function refresh() {
        chips.sync(chipRows())
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
        text: !root.pool ? ""
            : root.done > 0 && root.queued === 0 && root.busy === 0
              ? qsTr("All %1 tasks are done: every future holds its result, and result() returns at once.").arg(root.done)
            : root.queued > 0 && root.busy === root.workers.length
              ? qsTr("Every worker is busy: %n task(s) wait on the queue for the next worker to come free.", "", root.queued)
            : root.queued === 0 && root.busy < root.workers.length && root.busy + root.done > 0
              ? qsTr("The queue is empty: %n worker(s) sit idle, waiting for work.", "", root.workers.length - root.busy)
            : qsTr("%1 queued, %2 of %3 workers busy, %4 done.").arg(root.queued).arg(root.busy)
                .arg(root.workers.length).arg(root.done)
    }

    // Band 1: submit() and the queue as a conveyor.
    Label {
        x: root.beltX
        y: root.beltY - height - 2
        text: qsTr("work queue: %n task(s) submitted, not started (next one at the right)", "", root.queued)
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    ActorToken {
        visible: root.submitter !== undefined
        actor: root.submitter
        x: 0
        y: root.beltY
        width: root.mainW
        height: root.beltH
        note: !root.submitter || !root.submitter.started ? ""
            : root.submitter.reason === "future" ? qsTr("waits in result()")
            : root.submitter.state === 0 ? qsTr("submit()") : ""
    }
    Shape {
        visible: root.submitter !== undefined
        x: root.mainW + 4
        y: root.beltY + root.beltH / 2 - 8
        width: 26
        height: 16
        ShapePath {
            strokeColor: "transparent"
            fillColor: Theme.task
            startX: 0; startY: 5
            PathLine { x: 14; y: 5 }
            PathLine { x: 14; y: 0 }
            PathLine { x: 26; y: 8 }
            PathLine { x: 14; y: 16 }
            PathLine { x: 14; y: 11 }
            PathLine { x: 0; y: 11 }
            PathLine { x: 0; y: 5 }
        }
    }
    Rectangle {
        x: root.beltX
        y: root.beltY
        width: root.beltW
        height: root.beltH
        radius: height / 2
        color: Theme.sunken
        border.color: Theme.border
        // Rollers, so it reads as a conveyor.
        Row {
            x: 14
            anchors.bottom: parent.bottom
            anchors.bottomMargin: 2
            spacing: 18
            Repeater {
                model: Math.max(0, Math.floor((root.beltW - 28) / 24))
                Rectangle { width: 6; height: 6; radius: 3; color: Theme.border }
            }
        }
        Label {
            x: 12
            anchors.verticalCenter: parent.verticalCenter
            visible: root.queued > root.beltSlots
            text: qsTr("+%1 more").arg(root.queued - root.beltSlots)
            color: Theme.subtle
            font.pixelSize: Theme.smallFont
        }
        Label {
            anchors.centerIn: parent
            visible: root.pool !== undefined && root.queued === 0
            text: qsTr("empty")
            color: Theme.subtle
        }
    }

    // Band 2: the workers; a busy one holds its task.
    Label {
        x: 0
        y: root.stationsY - height - 2
        text: root.prefix !== ""
              ? qsTr("%1 worker threads %2…: %3 busy, %4 idle").arg(root.workers.length).arg(root.prefix)
                  .arg(root.busy).arg(root.workers.length - root.busy)
              : qsTr("%1 worker threads: %2 busy, %3 idle").arg(root.workers.length).arg(root.busy)
                  .arg(root.workers.length - root.busy)
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Repeater {
        model: root.workers.length
        delegate: Item {
            id: stationItem
            required property int index
            readonly property var worker: root.workers[index] || ({})
            readonly property var task: root.taskOf(worker)
            readonly property var c: root.station(index)
            x: c.x
            y: c.y
            width: root.grid.w
            height: root.grid.h

            Rectangle {
                anchors.fill: parent
                radius: 10
                color: stationItem.task ? Theme.panelAlt : "transparent"
                border.color: stationItem.task ? Theme.stateColor(stationItem.worker.state) : Theme.border
                border.width: stationItem.task ? 2 : 1
            }
            ActorToken {
                x: 3
                y: 3
                width: parent.width - root.slotW - 12
                height: parent.height - 6
                actor: stationItem.worker
                // What follows the shared prefix: "worker 3", or just "3"
                // where a station is small.
                label: root.prefix === "" || !stationItem.worker.name ? ""
                     : width >= 100 ? qsTr("worker %1").arg(stationItem.worker.name.substring(root.prefix.length))
                     : stationItem.worker.name.substring(root.prefix.length)
                note: !stationItem.worker.started ? ""
                    : stationItem.task ? qsTr("busy %1").arg(SceneLayout.duration(root.scene.cursorNs - stationItem.task.sinceNs))
                    : stationItem.worker.state === 4 ? qsTr("shut down")
                    : qsTr("idle")
            }
            // The empty slot an idle worker waits to fill.
            Rectangle {
                visible: !stationItem.task
                x: parent.width - root.slotW - 4
                y: (parent.height - root.chipH) / 2
                width: root.slotW
                height: root.chipH
                radius: 5
                color: "transparent"
                border.color: Theme.border
                Label {
                    anchors.centerIn: parent
                    text: qsTr("idle")
                    color: Theme.subtle
                    font.pixelSize: Theme.smallFont
                }
            }
        }
    }

    // Band 3: done futures, newest first.
    Label {
        x: 0
        y: root.futuresY
        text: root.pool && root.pool.failedCount > 0
              ? qsTr("done futures, newest first: %1 (%2 raised) · result() →").arg(root.done).arg(root.pool.failedCount)
              : qsTr("done futures, newest first: %1 · task → result()").arg(root.done)
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }

    // The chips, above everything, travelling between the bands.
    Repeater {
        model: chips
        delegate: Rectangle {
            id: chip
            required property int key
            required property real px
            required property real py
            required property real pw
            required property string label
            required property string place
            required property bool ok
            x: px
            y: py
            width: pw
            height: root.chipH
            radius: place === "done" ? height / 2 : 5
            z: 5
            color: place === "done" ? Theme.panel : Theme.task
            border.color: place !== "done" ? Qt.darker(Theme.task, 1.3) : ok ? Theme.task : Theme.danger
            border.width: place === "done" ? 2 : 1
            Behavior on x {
                enabled: Theme.animate
                NumberAnimation { duration: Theme.moveMs; easing.type: Easing.InOutCubic }
            }
            Behavior on y {
                enabled: Theme.animate
                NumberAnimation { duration: Theme.moveMs; easing.type: Easing.InOutCubic }
            }
            Behavior on width {
                enabled: Theme.animate
                NumberAnimation { duration: Theme.moveMs }
            }
            Behavior on color {
                enabled: Theme.animate
                ColorAnimation { duration: Theme.moveMs }
            }
            Label {
                anchors.centerIn: parent
                width: parent.width - 6
                horizontalAlignment: Text.AlignHCenter
                elide: Text.ElideRight
                text: chip.label
                color: chip.place !== "done" ? Theme.taskInk : chip.ok ? Theme.text : Theme.danger
                font.bold: true
                font.pixelSize: Math.max(10, Math.min(Theme.smallFont + 1, Math.round(root.chipH * 0.5)))
            }
            ToolTip.visible: chipHover.hovered
            ToolTip.text: chip.place === "queued" ? qsTr("task #%1: submitted, waiting for a worker").arg(chip.key)
                        : chip.place === "running" ? qsTr("task #%1: running on a worker").arg(chip.key)
                        : qsTr("task #%1: done; its future holds the result").arg(chip.key)
            HoverHandler { id: chipHover }
        }
    }
}
