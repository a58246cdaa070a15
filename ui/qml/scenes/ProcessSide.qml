import QtQuick
import QtQuick.Controls
import ConcurrencyLab
import "SceneLayout.js" as SceneLayout

// Beside the root process: the Pool's task queue (its tasks are chips the
// scene draws and moves), or the shared memory block with the value in it.
Rectangle {
    id: side

    required property var scene           // the ProcessScene
    readonly property var pool: scene.pool
    readonly property var block: scene.block
    readonly property var shared: scene.shared
    readonly property int queued: pool ? pool.queuedTasks.length : 0
    readonly property int running: pool ? pool.runningTasks.length : 0

    radius: 10
    color: Theme.panelAlt
    // A Pool not used yet (made later in the run) is drawn faint.
    opacity: pool && queued + running + pool.finishedCount === 0 && scene.children.every(p => p.state === "new") ? 0.55 : 1
    border.color: shared && shared.finalKnown && shared.lost > 0 ? Theme.danger : Theme.border
    border.width: shared && shared.finalKnown && shared.lost > 0 ? 2 : 1
    clip: true

    // The Pool: its queue of submitted tasks, next one at the right.
    Item {
        visible: side.pool !== undefined
        anchors.fill: parent
        Label {
            x: 10
            y: 5
            width: parent.width - 20
            elide: Text.ElideRight
            text: side.pool ? qsTr("%1 of %n worker process(es)", "", side.pool.capacity).arg(side.pool.name) : ""
            font.bold: true
            font.pixelSize: Theme.smallFont + 1
        }
        Rectangle {
            x: 8
            y: Theme.smallFont + 10
            width: parent.width - 16
            height: side.scene.chipS + 8
            radius: height / 2
            color: Theme.sunken
            border.color: Theme.border
            Label {
                anchors.centerIn: parent
                visible: side.queued === 0
                text: qsTr("task queue: empty")
                color: Theme.subtle
                font.pixelSize: Theme.smallFont
            }
            Label {
                x: 10
                anchors.verticalCenter: parent.verticalCenter
                visible: side.queued > side.scene.poolSlots
                text: qsTr("+%1").arg(side.queued - side.scene.poolSlots + 1)
                color: Theme.text
                font.bold: true
                font.pixelSize: Theme.smallFont
            }
        }
        Label {
            x: 10
            y: Theme.smallFont + side.scene.chipS + 22
            width: parent.width - 20
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
            text: side.pool ? qsTr("queued %1 · running %2 · done %3").arg(side.queued).arg(side.running)
                                  .arg(side.pool.finishedCount)
                              + (side.pool.failedCount > 0 ? qsTr(" (%1 failed)").arg(side.pool.failedCount) : "")
                            : ""
            color: Theme.text
            font.pixelSize: Theme.smallFont + 1
        }
    }

    // The shared block: the value in it at the cursor.
    Column {
        visible: side.block !== undefined && side.pool === undefined
        x: 10
        y: 5
        width: parent.width - 20
        spacing: 2
        Label {
            width: parent.width
            elide: Text.ElideRight
            text: side.block ? qsTr("%1: shared memory").arg(side.block.name) : ""
            font.bold: true
            font.pixelSize: Theme.smallFont + 1
        }
        Label {
            width: parent.width
            elide: Text.ElideRight
            text: side.block ? side.scene.num(side.block.value) : ""
            color: side.shared && side.shared.finalKnown && side.shared.lost > 0 ? Theme.danger : Theme.text
            font.bold: true
            font.pixelSize: Math.max(Theme.fontSize, Math.min(Theme.titleFont + 6, Math.round(side.height * 0.2)))
        }
        // How far the value is towards what the additions add up to.
        Rectangle {
            visible: side.shared !== undefined && side.shared.expected > 0
            width: parent.width
            height: 8
            radius: 4
            color: Theme.sunken
            border.color: Theme.border
            Rectangle {
                width: side.shared && side.shared.expected > 0
                       ? Math.max(0, Math.min(1, side.shared.value / side.shared.expected)) * parent.width : 0
                height: parent.height
                radius: 4
                color: side.shared && side.shared.finalKnown && side.shared.lost > 0 ? Theme.danger : Theme.good
            }
        }
        Label {
            width: parent.width
            elide: Text.ElideRight
            visible: side.shared !== undefined && side.shared.expected >= 0
            wrapMode: Text.Wrap
            maximumLineCount: 2
            text: side.shared ? qsTr("expected: %1 processes × %2 = %3")
                                    .arg(side.scene.params.processes).arg(side.scene.num(side.scene.params.iterations))
                                    .arg(side.scene.num(side.shared.expected)) : ""
            color: Theme.subtle
            font.pixelSize: Theme.smallFont
        }
        Label {
            width: parent.width
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            text: !side.shared ? ""
                : side.shared.finalKnown
                  ? (side.shared.lost > 0 ? qsTr("final %1: %2 updates lost").arg(side.scene.num(side.shared.value))
                                                .arg(side.scene.num(side.shared.lost))
                                          : qsTr("final %1: none lost").arg(side.scene.num(side.shared.value)))
                : side.shared.lock ? qsTr("each addition holds the Lock")
                : qsTr("no Lock: load, then store")
            color: side.shared && side.shared.finalKnown ? (side.shared.lost > 0 ? Theme.danger : Theme.good) : Theme.subtle
            font.bold: side.shared !== undefined && side.shared.finalKnown
            font.pixelSize: Theme.smallFont + 1
        }
    }
}
