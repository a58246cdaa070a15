import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConcurrencyLab

// A lock as a gate: its owner inside, the waiters queued in the order they
// arrived (each with how long it has waited), everyone else outside.
// Semaphores show their permits; conditions and events who sleeps on them
// and who woke them last.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var gates: scene.objects.filter(o => ["Lock", "RLock", "Semaphore", "BoundedSemaphore",
                                                             "Condition", "Event", "RWLock"].indexOf(o.kind) >= 0)
    readonly property var threads: scene.actors.filter(a => a.name !== "MainThread")

    function actorById(id) {
        return root.scene.actors.find(a => a.id === id)
    }
    function actorByName(name) {
        return root.scene.actors.find(a => a.name === name)
    }

    SceneCaption {
        id: caption
        text: {
            const g = root.gates[0]
            if (!g)
                return ""
            if (g.owner !== 0)
                return g.waiters.length > 0
                    ? qsTr("%1 holds %2; %n thread(s) queue at the gate.", "", g.waiters.length).arg(g.ownerName).arg(g.name)
                    : qsTr("%1 holds %2; nobody waits.").arg(g.ownerName).arg(g.name)
            return qsTr("%1 is free.").arg(g.name)
        }
    }

    Column {
        anchors.top: caption.bottom
        anchors.topMargin: 12
        width: parent.width
        spacing: 18

        Repeater {
            model: root.gates
            delegate: RowLayout {
                id: gateRow
                required property var modelData
                readonly property var gate: modelData
                readonly property var waiterIds: gate.waiters.map(w => w.actor)
                readonly property var holderNames: gate.kind === "Semaphore" || gate.kind === "BoundedSemaphore"
                                                   || gate.kind === "RWLock" ? gate.holders
                                                   : gate.owner !== 0 ? [gate.ownerName] : []
                width: parent.width
                spacing: 16

                // The queue, first arrival nearest the gate.
                Column {
                    Layout.preferredWidth: parent.width * 0.38
                    spacing: 4
                    Label {
                        text: qsTr("waiting, in arrival order")
                        color: Theme.subtle
                        font.pixelSize: Theme.smallFont
                        anchors.right: parent.right
                    }
                    Flow {
                        width: parent.width
                        layoutDirection: Qt.RightToLeft
                        spacing: 8
                        Repeater {
                            model: gateRow.gate.waiters
                            delegate: ActorToken {
                                required property var modelData
                                required property int index
                                actor: root.actorById(modelData.actor)
                                note: qsTr("#%1 · %2").arg(index + 1).arg(formatDuration(modelData.forNs))
                            }
                        }
                    }
                }

                // The gate.
                Rectangle {
                    Layout.preferredWidth: 200
                    Layout.preferredHeight: 128
                    radius: 14
                    color: Theme.panelAlt
                    border.width: 3
                    border.color: gateRow.holderNames.length > 0 ? StatePalette.color(0) : Theme.border
                    Column {
                        anchors.fill: parent
                        anchors.margins: 8
                        spacing: 4
                        Label {
                            anchors.horizontalCenter: parent.horizontalCenter
                            text: gateRow.gate.kind + " " + gateRow.gate.name
                            font.bold: true
                        }
                        Label {
                            anchors.horizontalCenter: parent.horizontalCenter
                            visible: gateRow.gate.kind === "Semaphore" || gateRow.gate.kind === "BoundedSemaphore"
                            text: qsTr("%1 of %2 permits free").arg(gateRow.gate.freePermits).arg(gateRow.gate.capacity)
                            color: Theme.subtle
                        }
                        Label {
                            anchors.horizontalCenter: parent.horizontalCenter
                            visible: gateRow.gate.kind === "Event"
                            text: gateRow.gate.flag ? qsTr("set") : qsTr("not set")
                        }
                        Flow {
                            width: parent.width
                            spacing: 4
                            Repeater {
                                model: gateRow.holderNames
                                delegate: ActorToken {
                                    required property string modelData
                                    actor: root.actorByName(modelData)
                                    note: qsTr("inside")
                                }
                            }
                        }
                        Label {
                            anchors.horizontalCenter: parent.horizontalCenter
                            visible: gateRow.holderNames.length === 0
                            text: gateRow.gate.kind === "Condition" || gateRow.gate.kind === "Event"
                                  ? (gateRow.gate.lastWakerName ? qsTr("last woken by %1").arg(gateRow.gate.lastWakerName) : "")
                                  : qsTr("free")
                            color: Theme.subtle
                        }
                    }
                }

                // Everyone else.
                Column {
                    Layout.fillWidth: true
                    spacing: 4
                    Label {
                        text: qsTr("elsewhere")
                        color: Theme.subtle
                        font.pixelSize: Theme.smallFont
                    }
                    Flow {
                        width: parent.width
                        spacing: 8
                        Repeater {
                            model: root.threads.filter(a => gateRow.waiterIds.indexOf(a.id) < 0
                                                            && gateRow.holderNames.indexOf(a.name) < 0)
                            delegate: ActorToken {
                                required property var modelData
                                actor: modelData
                            }
                        }
                    }
                }
            }
        }
    }
}
