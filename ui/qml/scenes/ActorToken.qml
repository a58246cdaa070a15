import QtQuick
import QtQuick.Controls
import ConcurrencyLab
import "SceneLayout.js" as SceneLayout

// A thread as the scenes draw it: its name on its state's colour (the same
// colour its lane has in the timeline), and a line saying what it does.
// Scenes size and place it; moves and colour changes animate.
Rectangle {
    id: token

    required property var actor          // an entry of SceneModel.actors
    property string note: ""             // a line of scene-specific text
    property string label: ""            // shown instead of the name when set
    property bool emphasised: false
    property color emphasisColor: Theme.text
    readonly property bool started: actor !== undefined && actor !== null && actor.started === true
    readonly property int state: actor ? actor.state : 0
    readonly property color ink: started ? Theme.stateInk(state) : Theme.subtle
    readonly property bool roomForNote: height >= 34

    function formatDuration(ns) {
        return SceneLayout.duration(ns)
    }

    implicitWidth: Math.max(96, nameMetrics.advanceWidth + 22)
    implicitHeight: 48
    radius: Math.min(10, height / 4)
    color: started ? Theme.stateColor(state) : Theme.panelAlt
    border.color: emphasised ? emphasisColor : started ? Qt.darker(color, Theme.dark ? 0.7 : 1.25) : Theme.border
    border.width: emphasised ? 3 : 1
    opacity: !started ? 0.75 : state === 4 ? 0.8 : 1

    Behavior on x {
        enabled: Theme.animate
        NumberAnimation { duration: Theme.moveMs; easing.type: Easing.OutCubic }
    }
    Behavior on y {
        enabled: Theme.animate
        NumberAnimation { duration: Theme.moveMs; easing.type: Easing.OutCubic }
    }
    Behavior on color {
        enabled: Theme.animate
        ColorAnimation { duration: 150 }
    }

    TextMetrics {
        id: nameMetrics
        font: nameLabel.font
        text: nameLabel.text
    }

    Column {
        anchors.centerIn: parent
        width: parent.width - 8
        spacing: 0
        Label {
            id: nameLabel
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideMiddle
            text: token.label !== "" ? token.label : token.actor ? token.actor.name : ""
            font.bold: true
            font.pixelSize: Math.max(10, Math.min(Theme.fontSize, Math.round(token.height * (token.roomForNote ? 0.3 : 0.42))))
            color: token.ink
        }
        Label {
            visible: token.roomForNote
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideRight
            text: token.note !== "" ? token.note
                : !token.started ? qsTr("not started")
                : token.state === 0 ? qsTr("running")
                : token.state === 4 ? (token.actor.ended === "cancelled" ? qsTr("stopped (cancelled)")
                                       : token.actor.ended === "raised" ? qsTr("raised an exception")
                                       : qsTr("finished"))
                : token.state === 3 ? qsTr("sleeping %1").arg(token.formatDuration(token.actor.forNs))
                : qsTr("waiting %1").arg(token.formatDuration(token.actor.forNs))
            font.pixelSize: Math.max(9, Math.min(Theme.smallFont, Math.round(token.height * 0.24)))
            color: token.ink
        }
    }
    ToolTip.visible: hover.hovered
    ToolTip.delay: 300
    ToolTip.text: !token.actor ? ""
        : token.actor.objectName ? qsTr("%1: %2 (%3)").arg(token.actor.name).arg(token.actor.stateLabel).arg(token.actor.objectName)
        : token.started ? qsTr("%1: %2").arg(token.actor.name).arg(token.actor.stateLabel)
        : qsTr("%1: not started yet").arg(token.actor.name)
    HoverHandler { id: hover }
}
