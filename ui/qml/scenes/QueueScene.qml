import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConcurrencyLab

// Producers → a bounded buffer → consumers. A full buffer blocks the
// producers, an empty one blocks the consumers.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var queue: scene.objects.filter(o => o.kind === "Queue")[0]
    readonly property var producers: scene.actors.filter(a => a.name.indexOf("Producer") === 0)
    readonly property var consumers: scene.actors.filter(a => a.name.indexOf("Consumer") === 0)
    readonly property int slots: queue ? Math.max(queue.capacity, queue.items.length) : 0
    readonly property bool full: queue !== undefined && queue.capacity > 0 && queue.items.length >= queue.capacity
    readonly property bool empty: queue !== undefined && queue.items.length === 0

    function blockedOnQueue(a) {
        return root.queue !== undefined && a.object === root.queue.id && a.state === 2
    }

    SceneCaption {
        id: caption
        text: !root.queue ? ""
            : root.full ? qsTr("The buffer is full: producers that want to put() must wait.")
            : root.empty ? qsTr("The buffer is empty: consumers that want to get() must wait.")
            : qsTr("%1 of %2 slots in use.").arg(root.queue.items.length).arg(root.queue.capacity)
    }

    RowLayout {
        anchors.top: caption.bottom
        anchors.topMargin: 16
        anchors.horizontalCenter: parent.horizontalCenter
        spacing: 40

        Column {
            spacing: 8
            Label { text: qsTr("producers: put()"); color: Theme.subtle }
            Repeater {
                model: root.producers
                delegate: ActorToken {
                    required property var modelData
                    actor: modelData
                    emphasised: root.blockedOnQueue(modelData)
                    note: root.blockedOnQueue(modelData) ? qsTr("buffer full") : ""
                }
            }
        }

        Column {
            spacing: 6
            Label {
                anchors.horizontalCenter: parent.horizontalCenter
                text: root.queue ? qsTr("%1 (maxsize %2)").arg(root.queue.name).arg(root.queue.capacity) : ""
                font.bold: true
            }
            Row {
                spacing: 4
                Repeater {
                    model: root.slots
                    delegate: Rectangle {
                        required property int index
                        readonly property bool used: root.queue && index < root.queue.items.length
                        width: 50
                        height: 50
                        radius: 6
                        color: used ? "#0072B2" : "transparent"
                        border.color: root.full ? Theme.danger : Theme.border
                        border.width: 2
                        Label {
                            anchors.centerIn: parent
                            text: parent.used ? qsTr("item\n%1").arg(root.queue.items[index]) : ""
                            horizontalAlignment: Text.AlignHCenter
                            color: "#ffffff"
                            font.pixelSize: Theme.smallFont
                        }
                    }
                }
            }
            Label {
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("oldest first ← get() takes from the left")
                color: Theme.subtle
                font.pixelSize: Theme.smallFont
            }
            Label {
                anchors.horizontalCenter: parent.horizontalCenter
                text: root.queue ? qsTr("unfinished tasks: %1").arg(root.queue.unfinished) : ""
                color: Theme.subtle
                font.pixelSize: Theme.smallFont
            }
        }

        Column {
            spacing: 8
            Label { text: qsTr("consumers: get()"); color: Theme.subtle }
            Repeater {
                model: root.consumers
                delegate: ActorToken {
                    required property var modelData
                    actor: modelData
                    emphasised: root.blockedOnQueue(modelData)
                    note: root.blockedOnQueue(modelData) ? qsTr("buffer empty") : ""
                }
            }
        }
    }
}
