import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import ConcurrencyLab
import "SceneLayout.js" as SceneLayout

// balance = balance + n, as a read into a private copy and a separate
// write back: the shared value, each thread's copy, and every update that
// another thread's write wiped out. With the lock, its gate sits between
// the threads and the balance.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var variable: scene.objects.find(o => o.kind === "Variable")
    readonly property var lock: scene.objects.find(o => o.kind === "Lock")
    readonly property var threads: scene.actors.filter(a => a.name !== "MainThread")
    readonly property bool locking: lock !== undefined && (lock.owner !== 0 || lock.waiters.length > 0
                                                           || lock.lastWakerName !== "")
    // A lost update "now": the latest write lost one, or one was lost within
    // the last hundredth of the run (a moment of the replay, not a blink).
    readonly property real runNs: controller.session.eventCount > 0 ? controller.session.endNs - controller.session.startNs : 0
    readonly property bool lostNow: variable !== undefined && variable.lostUpdates > 0
                                    && (variable.lastWriteLost || scene.cursorNs - variable.lastLostNs <= runNs / 100)
    readonly property int lost: variable ? variable.lostUpdates : 0
    // The room this scene needs before Main scales it down.
    readonly property real minimumWidth: 640
    readonly property real minimumHeight: threads.length > 8 ? 380 : 320
    readonly property var staleCopies: threads.filter(a => a.lastVarOp === "read" && a.copyStale)
    readonly property var atBarrier: threads.filter(a => a.objectKind === "Barrier" && a.state !== 0 && a.state !== 4)

    // Geometry.
    readonly property real topY: caption.height + 10
    readonly property real boxW: Math.min(280, Math.max(170, width * 0.26))
    readonly property real boxH: Math.max(70, Math.min(104, height * 0.21))
    readonly property real boxX: (width - boxW) / 2
    readonly property real gateY: topY + boxH + (locking ? 14 : 0)
    readonly property real gateH: locking ? Math.max(34, Math.min(46, height * 0.1)) : 0
    readonly property real bandTop: gateY + gateH + Math.max(34, height * 0.09)
    readonly property var grid: SceneLayout.grid(threads.length, width, height - bandTop - 2,
                                                 { w: 150, h: 98 }, { w: 92, h: 62 }, 12, 1.4)
    readonly property real tokenH: Math.round(grid.h * 0.55)

    function cell(i) {
        return SceneLayout.cell(grid, i, 0, bandTop, width)
    }
    // Where thread i's line meets the balance box: spread along its bottom.
    function dock(i) {
        const n = Math.max(1, threads.length)
        return Qt.point(boxX + boxW * (i + 0.5) / n, topY + boxH)
    }
    function lineColor(a) {
        if (a.lastVarOp === "read")
            return a.copyStale ? Theme.danger : Theme.accent
        if (a.lastVarOp === "write")
            return root.lostNow && a.name === root.variable.lastLostByName ? Theme.danger : Theme.subtle
        return "transparent"
    }

    SceneCaption {
        id: caption
        color: root.lostNow ? Theme.danger : Theme.text
        text: root.variable === undefined ? ""
            : root.lostNow && root.variable.lostVictimName !== "" && root.variable.lostReadValue !== undefined
              ? qsTr("Lost update: %1 read %2; %3 then wrote %4; %1 wrote %5 from its stale copy, so %3's change is gone.")
                  .arg(root.variable.lastLostByName).arg(root.variable.lostReadValue)
                  .arg(root.variable.lostVictimName).arg(root.variable.lostVictimValue)
                  .arg(root.variable.lostWriteValue)
            : root.lostNow && root.variable.lostVictimName !== ""
              ? qsTr("Lost update: %1 wrote %2 from a stale copy, over %3's write of %4. %3's change is gone.")
                  .arg(root.variable.lastLostByName).arg(root.variable.lostWriteValue)
                  .arg(root.variable.lostVictimName).arg(root.variable.lostVictimValue)
            : root.atBarrier.length > 0 && root.threads.every(a => !a.hasPrivateValue)
              ? qsTr("%n thread(s) wait at the barrier %1, so that all start changing balance at the same moment.", "",
                     root.atBarrier.length).arg(root.atBarrier[0].objectName)
            : root.staleCopies.length > 0
              ? qsTr("%1 read balance, then another thread changed it: its copy is stale, and writing it back will lose that change.")
                  .arg(root.staleCopies[0].name)
            : root.locking
              ? qsTr("With %1, one thread at a time reads and writes balance; the others wait at the lock, so no update is lost.")
                  .arg(root.lock.name)
            : qsTr("Each thread reads balance into its own copy, changes the copy, and writes it back.")
    }

    // Read and write lines between the balance and each thread's copy.
    Repeater {
        model: root.threads.length
        delegate: Shape {
            id: link
            required property int index
            readonly property var actor: root.threads[index] || ({})
            readonly property var c: root.cell(index)
            readonly property point a: root.dock(index)
            readonly property point b: Qt.point(c.x + root.grid.w / 2, c.y)
            readonly property bool writing: actor.lastVarOp === "write"
            anchors.fill: parent
            // Only while the thread works on balance, and only to the first
            // row (lines to further rows would cut through the tokens; their
            // copy boxes say the same in words).
            visible: actor.lastVarOp !== undefined && actor.lastVarOp !== "" && actor.state === 0
                     && index < root.grid.cols
            ShapePath {
                strokeColor: root.lineColor(link.actor)
                strokeWidth: link.actor.copyStale || (root.lostNow && link.actor.name === root.variable.lastLostByName) ? 3 : 2
                strokeStyle: link.writing ? ShapePath.SolidLine : ShapePath.DashLine
                dashPattern: [4, 3]
                fillColor: "transparent"
                startX: link.a.x; startY: link.a.y
                PathLine { x: link.b.x; y: link.b.y }
            }
            // Arrowhead: into the balance for a write, into the copy for a read.
            ShapePath {
                id: head
                readonly property point tip: link.writing ? link.a : link.b
                readonly property point from: link.writing ? link.b : link.a
                readonly property real angle: Math.atan2(tip.y - from.y, tip.x - from.x)
                strokeColor: "transparent"
                fillColor: root.lineColor(link.actor)
                startX: tip.x; startY: tip.y
                PathLine { x: head.tip.x - 11 * Math.cos(head.angle - 0.4); y: head.tip.y - 11 * Math.sin(head.angle - 0.4) }
                PathLine { x: head.tip.x - 11 * Math.cos(head.angle + 0.4); y: head.tip.y - 11 * Math.sin(head.angle + 0.4) }
                PathLine { x: head.tip.x; y: head.tip.y }
            }
        }
    }

    // The shared balance.
    Rectangle {
        x: root.boxX
        y: root.topY
        width: root.boxW
        height: root.boxH
        radius: 12
        color: root.lostNow ? Theme.dangerWash : Theme.panelAlt
        border.color: root.lostNow ? Theme.danger : Theme.border
        border.width: root.lostNow ? 4 : 2
        Behavior on color {
            enabled: Theme.animate
            ColorAnimation { duration: 150 }
        }
        Column {
            anchors.centerIn: parent
            Label {
                anchors.horizontalCenter: parent.horizontalCenter
                text: root.variable ? qsTr("shared %1").arg(root.variable.name) : ""
                color: Theme.subtle
            }
            Label {
                anchors.horizontalCenter: parent.horizontalCenter
                text: root.variable ? root.variable.value : ""
                font.pixelSize: Math.round(root.boxH * 0.4)
                font.bold: true
                font.family: "monospace"
            }
        }
    }

    // How many updates were lost, and the latest one in words.
    Column {
        id: lostColumn
        x: root.boxX + root.boxW + 24
        y: root.topY
        width: Math.max(0, root.width - x)
        spacing: 0
        visible: root.variable !== undefined
        Label {
            text: qsTr("updates lost so far")
            color: Theme.subtle
        }
        Label {
            text: root.lost
            font.pixelSize: Math.round(root.boxH * 0.4)
            font.bold: true
            color: root.lost > 0 ? Theme.danger : Theme.good
        }
    }
    // Left of the balance: what one update is, and once updates are lost,
    // the latest one step by step (kept above the balance's lower edge, so
    // the read and write lines never cross it).
    readonly property bool storyShown: lost > 0 && variable.lostVictimName !== ""
    Label {
        x: 0
        y: root.topY
        width: Math.max(0, root.boxX - 20)
        visible: width > 120 && !root.storyShown
        wrapMode: Text.Wrap
        text: qsTr("balance = balance + n is two steps:\n1. read balance into a copy\n2. write copy + n back")
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
        font.family: "monospace"
    }
    Column {
        x: 0
        y: root.topY
        width: Math.max(0, root.boxX - 20)
        visible: width > 120 && root.storyShown
        spacing: 0
        // The latest lost update, step by step.
        Label {
            width: parent.width
            text: qsTr("the latest lost update:")
            color: Theme.subtle
            font.pixelSize: Theme.smallFont
        }
        Repeater {
            model: root.storyShown
                   ? [ root.variable.lostReadValue !== undefined
                       ? { text: qsTr("1. %1 reads %2").arg(root.variable.lastLostByName).arg(root.variable.lostReadValue), lost: false }
                       : { text: qsTr("1. %1 reads balance").arg(root.variable.lastLostByName), lost: false },
                       { text: qsTr("2. %1 writes %2").arg(root.variable.lostVictimName).arg(root.variable.lostVictimValue), lost: true },
                       { text: root.variable.lostWriteCount > 1
                               ? qsTr("3. %1 writes %2 over it: %3 updates gone").arg(root.variable.lastLostByName)
                                   .arg(root.variable.lostWriteValue).arg(root.variable.lostWriteCount)
                               : qsTr("3. %1 writes %2 over it").arg(root.variable.lastLostByName).arg(root.variable.lostWriteValue),
                         lost: false } ]
                   : []
            delegate: Label {
                required property var modelData
                width: parent.width
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                text: modelData.text
                font.family: "monospace"
                font.pixelSize: Theme.smallFont
                font.strikeout: modelData.lost
                color: modelData.lost ? Theme.danger : Theme.text
            }
        }
    }

    // The lock's gate, when the run uses it.
    Rectangle {
        visible: root.locking
        width: Math.max(root.boxW + 80, gateRow.implicitWidth + 28)
        x: (root.width - width) / 2
        y: root.gateY
        height: root.gateH
        radius: 8
        color: Theme.panelAlt
        border.width: 3
        border.color: root.lock && root.lock.owner !== 0 ? Theme.stateColor(0) : Theme.border
        Row {
            id: gateRow
            anchors.centerIn: parent
            spacing: 8
            Padlock {
                anchors.verticalCenter: parent.verticalCenter
                height: root.gateH * 0.6
                locked: root.lock !== undefined && root.lock.owner !== 0
                tint: Theme.text
            }
            Label {
                anchors.verticalCenter: parent.verticalCenter
                text: !root.lock ? ""
                    : root.lock.owner !== 0
                      ? (root.lock.waiters.length > 0
                         ? qsTr("%1: %2 inside, %n waiting", "", root.lock.waiters.length).arg(root.lock.name).arg(root.lock.ownerName)
                         : qsTr("%1: %2 inside").arg(root.lock.name).arg(root.lock.ownerName))
                      : qsTr("%1: free").arg(root.lock.name)
                font.bold: true
            }
        }
    }

    Repeater {
        model: root.threads.length
        delegate: Item {
            id: column
            required property int index
            readonly property var actor: root.threads[index] || ({})
            readonly property var c: root.cell(index)
            readonly property bool clobberer: root.lostNow && actor.name === root.variable.lastLostByName
            readonly property bool victim: root.lostNow && actor.name === root.variable.lostVictimName
            x: c.x
            y: c.y
            width: root.grid.w
            height: root.grid.h

            ActorToken {
                width: parent.width
                height: root.tokenH
                actor: column.actor
                emphasised: column.clobberer || column.victim
                emphasisColor: Theme.danger
                note: !column.actor.started || column.actor.state === 4 ? ""
                    : column.actor.state === 1 && column.actor.reason === "lock" ? qsTr("waits for the lock")
                    : column.clobberer ? qsTr("overwrote an update")
                    : column.victim ? qsTr("its update was lost")
                    : ""
            }
            // The private copy.
            Rectangle {
                y: root.tokenH + 4
                width: parent.width
                height: parent.height - y
                radius: 6
                color: column.actor.copyStale && column.actor.lastVarOp === "read" ? Theme.dangerWash : Theme.panel
                border.width: column.actor.copyStale && column.actor.lastVarOp === "read" ? 2 : 1
                border.color: column.actor.copyStale && column.actor.lastVarOp === "read" ? Theme.danger : Theme.border
                Column {
                    anchors.centerIn: parent
                    width: parent.width - 6
                    Label {
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        elide: Text.ElideRight
                        text: column.actor.hasPrivateValue ? qsTr("copy = %1").arg(column.actor.privateValue) : qsTr("no copy yet")
                        font.family: "monospace"
                        font.bold: column.actor.hasPrivateValue
                        font.pixelSize: Math.max(10, Math.min(Theme.fontSize, Math.round(parent.parent.height * 0.36)))
                        color: column.actor.hasPrivateValue ? Theme.text : Theme.subtle
                    }
                    Label {
                        width: parent.width
                        visible: parent.parent.height >= 30 && text !== ""
                        horizontalAlignment: Text.AlignHCenter
                        elide: Text.ElideRight
                        text: column.actor.lastVarOp === "read"
                              ? (column.actor.copyStale ? qsTr("stale: balance changed") : qsTr("read, will write"))
                            : column.actor.lastVarOp === "write" ? qsTr("wrote %1").arg(column.actor.lastVarValue)
                            : ""
                        font.pixelSize: Theme.smallFont
                        color: column.actor.copyStale && column.actor.lastVarOp === "read" ? Theme.danger : Theme.subtle
                    }
                }
            }
        }
    }
}
