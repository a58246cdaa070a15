import QtQuick
import ConcurrencyLab

// A padlock drawn with shapes (no emoji font needed): shut while someone
// holds the lock, open while it is free.
Item {
    id: lock

    property bool locked: true
    property color tint: Theme.text

    implicitHeight: 20
    implicitWidth: Math.round(height * 0.78)
    width: implicitWidth

    // The shackle: a rounded loop whose lower half hides in the body; it
    // lifts and swings aside when open.
    Item {
        readonly property real lift: lock.locked ? 0 : lock.height * 0.16
        x: lock.locked ? lock.width * 0.18 : lock.width * 0.4
        y: -lift
        width: lock.width * 0.64
        height: lock.height * 0.5 + lift
        clip: true
        Rectangle {
            width: parent.width
            height: lock.height
            radius: width / 2
            color: "transparent"
            border.color: lock.tint
            border.width: Math.max(2, lock.height * 0.11)
        }
    }
    Rectangle {
        y: lock.height * 0.42
        width: lock.width
        height: lock.height * 0.58
        radius: Math.max(2, lock.height * 0.1)
        color: lock.tint
        Rectangle {
            anchors.centerIn: parent
            width: Math.max(2, lock.height * 0.12)
            height: parent.height * 0.45
            radius: width / 2
            color: Theme.panel
        }
    }
}
