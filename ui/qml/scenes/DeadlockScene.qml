import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import ConcurrencyLab

// Threads and locks on a ring: a solid line from a lock to the thread that
// holds it, a dashed arrow from a thread to the lock it waits for. When the
// engine finds a wait-for cycle, the cycle turns red.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var locks: scene.objects.filter(o => o.kind === "Lock")
    readonly property var threads: scene.actors.filter(a => a.name !== "MainThread")
    readonly property bool found: scene.deadlock.actors !== undefined
    readonly property int count: threads.length + locks.length
    readonly property real radius: Math.min(width, height - caption.height) * 0.36
    readonly property point centre: Qt.point(width / 2, caption.height + (height - caption.height) / 2)

    // Around the ring: thread, lock, thread, lock...
    function position(kind, index) {
        const slot = kind === "thread" ? index * 2 : index * 2 + 1
        const n = Math.max(2, Math.max(threads.length, locks.length) * 2)
        const angle = -Math.PI / 2 + slot * 2 * Math.PI / n
        return Qt.point(centre.x + radius * Math.cos(angle), centre.y + radius * Math.sin(angle))
    }
    function threadIndex(id) {
        return threads.findIndex(a => a.id === id)
    }
    function inCycle(actorName) {
        return found && scene.deadlock.actors.indexOf(actorName) >= 0
    }

    SceneCaption {
        id: caption
        color: root.found ? Theme.danger : Theme.text
        text: root.found
              ? qsTr("Deadlock: %1 each wait for a lock another one holds, in a cycle. The engine found it and stopped the run.")
                  .arg(root.scene.deadlock.actors.join(" → "))
              : qsTr("Each thread takes its first lock, then reaches for the next.")
    }

    Shape {
        anchors.fill: parent
        // Lock → owner.
        ShapePath {
            strokeColor: StatePalette.color(0)
            strokeWidth: 3
            fillColor: "transparent"
            PathMultiline {
                paths: root.locks.filter(l => l.owner !== 0 && root.threadIndex(l.owner) >= 0).map(l => [
                    root.position("lock", root.locks.indexOf(l)),
                    root.position("thread", root.threadIndex(l.owner))])
            }
        }
        ShapePath {
            strokeColor: root.found ? Theme.danger : StatePalette.color(1)
            strokeWidth: root.found ? 4 : 2.5
            strokeStyle: ShapePath.DashLine
            dashPattern: [3, 2]
            fillColor: "transparent"
            PathMultiline {
                paths: root.threads.filter(a => a.state === 1 && root.locks.some(l => l.id === a.object)).map(a => [
                    root.position("thread", root.threadIndex(a.id)),
                    root.position("lock", root.locks.findIndex(l => l.id === a.object))])
            }
        }
    }

    Repeater {
        model: root.locks
        delegate: Rectangle {
            required property var modelData
            required property int index
            readonly property point p: root.position("lock", index)
            x: p.x - width / 2
            y: p.y - height / 2
            width: 86
            height: 40
            radius: 6
            color: Theme.panelAlt
            border.color: root.found && root.scene.deadlock.objects.indexOf(modelData.name) >= 0 ? Theme.danger : Theme.border
            border.width: 3
            Column {
                anchors.centerIn: parent
                Label {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: "🔒 " + modelData.name
                    font.bold: true
                    font.pixelSize: Theme.smallFont
                }
                Label {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: modelData.owner !== 0 ? qsTr("held by %1").arg(modelData.ownerName) : qsTr("free")
                    font.pixelSize: Theme.smallFont
                    color: Theme.subtle
                }
            }
        }
    }
    Repeater {
        model: root.threads
        delegate: ActorToken {
            required property var modelData
            required property int index
            readonly property point p: root.position("thread", index)
            x: p.x - width / 2
            y: p.y - height / 2
            actor: modelData
            emphasised: root.inCycle(modelData.name)
            note: modelData.state === 1 ? qsTr("wants %1").arg(modelData.objectName) : ""
        }
    }
}
