import QtQuick
import QtQuick.Controls
import ConcurrencyLab

// A thread as the scenes draw it: its name on its state's colour, and what
// it is doing underneath.
Rectangle {
    id: token

    required property var actor          // an entry of SceneModel.actors
    property string note: ""             // a line of scene-specific text
    property bool emphasised: false
    readonly property int state: actor ? actor.state : 0
    readonly property bool lightFill: state === 2 || state === 3 || state === 5

    function formatDuration(ns) {
        if (ns < 1000) return Math.round(ns) + " ns"
        if (ns < 1e6) return (ns / 1e3).toFixed(ns < 1e4 ? 1 : 0) + " µs"
        if (ns < 1e9) return (ns / 1e6).toFixed(ns < 1e7 ? 2 : 1) + " ms"
        return (ns / 1e9).toFixed(2) + " s"
    }

    implicitWidth: Math.max(104, nameLabel.implicitWidth + 20)
    implicitHeight: 50
    radius: 10
    color: actor && actor.started ? StatePalette.color(state) : "transparent"
    border.color: emphasised ? Theme.text : Theme.border
    border.width: emphasised ? 3 : 1
    opacity: actor && actor.started && state !== 4 ? 1 : 0.45

    Behavior on color { ColorAnimation { duration: 120 } }

    Column {
        anchors.centerIn: parent
        spacing: 1
        Label {
            id: nameLabel
            anchors.horizontalCenter: parent.horizontalCenter
            text: token.actor ? token.actor.name : ""
            font.bold: true
            color: token.lightFill || !(token.actor && token.actor.started) ? "#111111" : "#ffffff"
        }
        Label {
            anchors.horizontalCenter: parent.horizontalCenter
            text: token.note !== "" ? token.note
                : !(token.actor && token.actor.started) ? qsTr("not started")
                : token.state === 0 ? qsTr("running")
                : token.state === 4 ? qsTr("finished")
                : token.formatDuration(token.actor.forNs)
            font.pixelSize: Theme.smallFont
            color: nameLabel.color
        }
    }
    ToolTip.visible: hover.hovered
    ToolTip.text: token.actor ? qsTr("%1: %2%3").arg(token.actor.name).arg(token.actor.stateLabel)
                                 .arg(token.actor.objectName ? " (" + token.actor.objectName + ")" : "") : ""
    HoverHandler { id: hover }
}
