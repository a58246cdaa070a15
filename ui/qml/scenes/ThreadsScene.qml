import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import ConcurrencyLab
import "SceneLayout.js" as SceneLayout

// threading basics: MainThread starts the workers with start() and waits
// for each with join(); a daemon thread is never joined and is stopped with
// the program.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var mainThread: scene.actors.find(a => a.name === "MainThread")
    readonly property var others: scene.actors.filter(a => a.name !== "MainThread")
    readonly property var workers: others.filter(a => !a.daemon)
    readonly property var daemons: others.filter(a => a.daemon)
    readonly property int startedCount: workers.filter(a => a.started).length
    readonly property int alive: workers.filter(a => a.started && a.state !== 4).length
    readonly property int finishedCount: workers.filter(a => a.started && a.state === 4).length
    readonly property bool joining: mainThread !== undefined && mainThread.reason === "join"
    readonly property var daemonAlive: daemons.find(a => a.started && a.state !== 4)

    // Geometry.
    readonly property real topY: caption.height + 10
    readonly property real mainW: Math.min(200, Math.max(150, width * 0.2))
    readonly property real mainH: Math.max(40, Math.min(58, height * 0.13))
    readonly property real bandTop: topY + mainH + Math.max(44, height * 0.12)
    readonly property real daemonW: daemons.length > 0 ? Math.min(220, width * 0.24) : 0
    readonly property real workersW: width - (daemonW > 0 ? daemonW + 24 : 0)
    readonly property var grid: SceneLayout.grid(workers.length, workersW, height - bandTop - 4,
                                                 { w: 138, h: 54 }, { w: 84, h: 30 }, 12, 1.5)
    readonly property var daemonGrid: SceneLayout.grid(daemons.length, daemonW, height - bandTop - 4,
                                                       { w: 138, h: 54 }, { w: 84, h: 30 }, 10, 1.5)

    // The room this scene needs before Main scales it down.
    readonly property real minimumWidth: 640
    readonly property real minimumHeight: workers.length > 10 ? 360 : 300

    function workerCell(i) {
        return SceneLayout.cell(grid, i, 0, bandTop, workersW)
    }
    function daemonCell(i) {
        return SceneLayout.cell(daemonGrid, i, width - daemonW, bandTop, daemonW)
    }
    function workerIndex(id) {
        return workers.findIndex(a => a.id === id)
    }

    SceneCaption {
        id: caption
        text: root.scene.actors.length === 0 ? ""
            : root.joining && root.mainThread.awaitedName !== ""
              ? qsTr("MainThread waits in join() until %1 finishes; %n worker(s) still alive.", "", root.alive)
                  .arg(root.mainThread.awaitedName)
            : root.startedCount < root.workers.length
              ? qsTr("MainThread starts its workers with start(): %1 of %2 started.")
                  .arg(root.startedCount).arg(root.workers.length)
            : root.finishedCount === root.workers.length && root.workers.length > 0
              ? (root.daemonAlive
                 ? qsTr("Every worker finished and was joined. The daemon %1 still runs: nobody joins it, it stops with the program.")
                     .arg(root.daemonAlive.name)
                 : qsTr("Every worker finished and was joined."))
            : qsTr("%n worker(s) run at the same time as MainThread.", "", root.alive)
    }

    // start() lines from MainThread to each worker it started, and the
    // join() arrow to the one it waits for.
    Shape {
        anchors.fill: parent
        visible: root.mainThread !== undefined
        ShapePath {
            strokeColor: Theme.border
            strokeWidth: 1.5
            fillColor: "transparent"
            PathMultiline {
                paths: {
                    const out = []
                    const from = Qt.point(root.width / 2, root.topY + root.mainH)
                    // One line per started worker while they fit in one
                    // row; with more rows, one line to the group.
                    if (root.grid.rows === 1) {
                        root.workers.forEach((a, i) => {
                            if (!a.started)
                                return
                            const c = root.workerCell(i)
                            out.push([from, Qt.point(c.x + root.grid.w / 2, c.y)])
                        })
                    } else if (root.startedCount > 0) {
                        out.push([from, Qt.point(from.x, root.bandTop - 10)])
                    }
                    root.daemons.forEach((a, i) => {
                        if (!a.started)
                            return
                        const c = root.daemonCell(i)
                        out.push([from, Qt.point(c.x + root.daemonGrid.w / 2, c.y)])
                    })
                    return out
                }
            }
        }
        ShapePath {
            id: joinPath
            readonly property int target: root.joining ? root.workerIndex(root.mainThread.awaited) : -1
            readonly property var cell: target >= 0 ? root.workerCell(target) : ({ x: 0, y: 0 })
            strokeColor: target >= 0 ? Theme.stateColor(2) : "transparent"
            strokeWidth: 3
            strokeStyle: ShapePath.DashLine
            dashPattern: [3, 2]
            fillColor: "transparent"
            startX: root.width / 2
            startY: root.topY + root.mainH
            PathLine { x: joinPath.cell.x + root.grid.w / 2; y: joinPath.cell.y - 2 }
        }
    }
    Label {
        visible: root.startedCount > 0
        x: root.width / 2 + 10
        y: root.topY + root.mainH + 2
        text: qsTr("start()")
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Rectangle {
        visible: joinPath.target >= 0
        x: (root.width / 2 + joinPath.cell.x + root.grid.w / 2) / 2 - width / 2
        y: (root.topY + root.mainH + joinPath.cell.y) / 2 - height / 2
        width: joinLabel.implicitWidth + 12
        height: joinLabel.implicitHeight + 4
        radius: height / 2
        color: Theme.stateColor(2)
        Label {
            id: joinLabel
            anchors.centerIn: parent
            text: qsTr("join()")
            font.bold: true
            font.pixelSize: Theme.smallFont
            color: Theme.stateInk(2)
        }
    }

    ActorToken {
        id: mainToken
        visible: root.mainThread !== undefined
        actor: root.mainThread
        x: (root.width - width) / 2
        y: root.topY
        width: root.mainW
        height: root.mainH
        emphasised: root.joining
        emphasisColor: Theme.stateColor(2)
        note: !root.mainThread ? ""
            : root.joining ? qsTr("in join(%1)").arg(root.mainThread.awaitedName)
            : ""
    }

    Rectangle {
        visible: root.grid.rows > 1 && root.workers.length > 0
        x: root.workerCell(0).x - 8
        y: root.bandTop - 10
        width: root.grid.width + 16
        height: root.grid.height + 18
        radius: 10
        color: "transparent"
        border.color: Theme.border
    }
    Label {
        visible: root.workers.length > 0
        x: root.workerCell(0).x
        // Above the group box when there is one, under the single row
        // otherwise (the start() lines come in from above).
        y: root.grid.rows > 1 ? root.bandTop - height - 12 : root.bandTop + root.grid.h + 4
        text: root.grid.rows > 1 ? qsTr("worker threads: %1 of %2 started").arg(root.startedCount).arg(root.workers.length)
                                 : qsTr("worker threads")
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Repeater {
        model: root.workers.length
        delegate: ActorToken {
            required property int index
            readonly property var cell: root.workerCell(index)
            actor: root.workers[index]
            x: cell.x
            y: cell.y
            width: root.grid.w
            height: root.grid.h
            emphasised: joinPath.target === index
            emphasisColor: Theme.stateColor(2)
        }
    }

    // Daemon threads, apart: nobody joins them.
    Rectangle {
        visible: root.daemons.length > 0
        x: root.width - root.daemonW - 8
        y: root.bandTop - 26
        width: root.daemonW + 8
        height: root.daemonGrid.height + 26 + 30
        radius: 8
        color: "transparent"
        border.color: Theme.border
        Label {
            x: 8
            y: 4
            text: qsTr("daemon threads")
            color: Theme.subtle
            font.pixelSize: Theme.smallFont
        }
        Label {
            x: 8
            width: parent.width - 16
            anchors.bottom: parent.bottom
            anchors.bottomMargin: 4
            text: qsTr("never joined")
            color: Theme.subtle
            font.pixelSize: Theme.smallFont
            elide: Text.ElideRight
        }
    }
    Repeater {
        model: root.daemons.length
        delegate: ActorToken {
            required property int index
            readonly property var cell: root.daemonCell(index)
            actor: root.daemons[index]
            x: cell.x
            y: cell.y
            width: root.daemonGrid.w
            height: root.daemonGrid.h
        }
    }
}
