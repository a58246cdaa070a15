import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConcurrencyLab

// balance = balance + n: the shared value, each thread's private copy, and
// every update that was lost.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var variable: scene.objects.filter(o => o.kind === "Variable")[0]
    readonly property var lock: scene.objects.filter(o => o.kind === "Lock")[0]
    readonly property bool lostJustNow: variable !== undefined && variable.lostUpdates > 0
                                        && scene.cursorNs - variable.lastLostNs < 50000
    readonly property var threads: scene.actors.filter(a => a.name !== "MainThread")

    SceneCaption {
        id: caption
        text: root.variable === undefined ? ""
            : root.variable.lostUpdates === 0
              ? qsTr("Each thread reads balance into its own copy, changes the copy and writes it back.")
              : qsTr("%1's write just overwrote another thread's update: that update is lost.").arg(root.variable.lastLostByName)
    }

    RowLayout {
        id: top
        anchors.horizontalCenter: parent.horizontalCenter
        y: caption.height + 14
        spacing: 40

        Rectangle {
            implicitWidth: 230
            implicitHeight: 86
            radius: 12
            color: Theme.panelAlt
            border.color: root.lostJustNow ? Theme.danger : Theme.border
            border.width: root.lostJustNow ? 4 : 2
            Column {
                anchors.centerIn: parent
                Label {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("shared balance")
                    color: Theme.subtle
                }
                Label {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: root.variable ? root.variable.value : ""
                    font.pixelSize: 34
                    font.bold: true
                    font.family: "monospace"
                }
            }
        }
        Column {
            spacing: 2
            Label {
                text: qsTr("updates lost so far")
                color: Theme.subtle
            }
            Label {
                text: root.variable ? root.variable.lostUpdates : 0
                font.pixelSize: 34
                font.bold: true
                color: root.variable && root.variable.lostUpdates > 0 ? Theme.danger : Theme.good
            }
        }
        Column {
            visible: root.lock !== undefined && (root.lock.owner !== 0 || root.lock.waiters.length > 0 || root.scene.eventsApplied > 0)
            spacing: 2
            Label {
                text: root.lock ? root.lock.name : ""
                color: Theme.subtle
            }
            Label {
                text: !root.lock ? ""
                    : root.lock.owner !== 0 ? qsTr("held by %1").arg(root.lock.ownerName)
                    : qsTr("free")
                font.bold: true
            }
            Label {
                text: root.lock && root.lock.waiters.length > 0
                      ? qsTr("%n waiting", "", root.lock.waiters.length) : ""
                color: StatePalette.color(1)
            }
        }
    }

    Flow {
        anchors.top: top.bottom
        anchors.topMargin: 28
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(parent.width, root.threads.length * 150)
        spacing: 16
        Repeater {
            model: root.threads
            delegate: Column {
                required property var modelData
                spacing: 4
                ActorToken {
                    actor: modelData
                    emphasised: root.variable !== undefined && root.variable.lastLostByName === modelData.name && root.lostJustNow
                }
                Rectangle {
                    width: 104
                    height: 30
                    radius: 6
                    color: "transparent"
                    border.color: Theme.border
                    Label {
                        anchors.centerIn: parent
                        text: modelData.hasPrivateValue ? qsTr("copy = %1").arg(modelData.privateValue) : qsTr("no copy yet")
                        font.family: "monospace"
                        color: modelData.hasPrivateValue ? Theme.text : Theme.subtle
                    }
                }
            }
        }
    }
}
