import QtQuick
import ConcurrencyLab

// A small sample of how a state is drawn in the lanes: same colour, same
// shape (see lanegeometry.cpp).
Item {
    id: swatch

    required property int state
    readonly property string pattern: StatePalette.pattern(state)
    readonly property color fill: StatePalette.color(state)
    readonly property color ink: StatePalette.accent(state)

    implicitWidth: 30
    implicitHeight: 16

    Rectangle {
        visible: swatch.pattern === "solid" || swatch.pattern === "striped" || swatch.pattern === "banded"
                 || swatch.pattern === "dotted"
        x: 0; y: 2
        width: parent.width; height: parent.height - 4
        color: swatch.fill
    }
    Repeater {
        model: swatch.pattern === "striped" ? Math.floor(swatch.width / 6) : 0
        Rectangle {
            required property int index
            x: index * 6 + 3; y: 2
            width: 1.5; height: swatch.height - 4
            color: swatch.ink
        }
    }
    Rectangle {
        visible: swatch.pattern === "banded"
        y: swatch.height / 2 - 1
        width: parent.width; height: 2
        color: swatch.ink
    }
    Rectangle {
        visible: swatch.pattern === "thin"
        y: swatch.height * 0.3
        width: parent.width; height: swatch.height * 0.4
        color: swatch.fill
    }
    Rectangle {
        visible: swatch.pattern === "line"
        y: swatch.height / 2 - 1
        width: parent.width; height: 2
        color: swatch.fill
    }
    Repeater {
        model: swatch.pattern === "dotted" ? Math.floor(swatch.width / 5) : 0
        Rectangle {
            required property int index
            x: index * 5 + 1; y: swatch.height / 2 - 1
            width: 2; height: 2
            color: swatch.ink
        }
    }
    Rectangle {
        visible: swatch.pattern === "outline"
        y: 2
        width: parent.width; height: parent.height - 4
        color: "transparent"
        border.color: swatch.fill
        border.width: 1.5
    }
}
