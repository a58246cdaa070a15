import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConcurrencyLab

// The time cursor as a slider, event stepping, and the replay time scale.
Rectangle {
    id: bar

    required property ReplayClock replay
    required property TimelineViewport viewport
    required property SceneModel sceneModel
    signal stepRequested(bool forward)

    color: Theme.panelAlt
    implicitHeight: row.implicitHeight + 6

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: 6

        ToolButton {
            text: qsTr("|◀")
            enabled: bar.replay.durationNs > 0
            onClicked: bar.stepRequested(false)
            ToolTip.visible: hovered
            ToolTip.delay: 500
            ToolTip.text: qsTr("Previous event (←)")
        }
        ToolButton {
            text: bar.replay.playing ? qsTr("‖") : qsTr("▶")
            enabled: bar.replay.durationNs > 0 && !bar.replay.live
            onClicked: bar.replay.togglePlay()
            ToolTip.visible: hovered
            ToolTip.delay: 500
            ToolTip.text: qsTr("Play or pause the replay (Space)")
        }
        ToolButton {
            text: qsTr("▶|")
            enabled: bar.replay.durationNs > 0
            onClicked: bar.stepRequested(true)
            ToolTip.visible: hovered
            ToolTip.delay: 500
            ToolTip.text: qsTr("Next event (→)")
        }
        Slider {
            id: slider
            Layout.fillWidth: true
            from: 0
            to: 1
            enabled: bar.replay.durationNs > 0
            value: bar.replay.progress
            onMoved: bar.replay.seek(bar.replay.startNs + value * bar.replay.durationNs)
        }
        Label {
            text: bar.replay.durationNs > 0
                  ? qsTr("%1 / %2").arg(bar.viewport.formatDuration(bar.replay.cursorNs - bar.replay.startNs))
                                   .arg(bar.viewport.formatDuration(bar.replay.durationNs))
                  : ""
            font.family: "monospace"
            Layout.minimumWidth: 150
        }
        Label {
            text: bar.replay.live ? qsTr("live")
                  : bar.replay.durationNs > 0
                    ? qsTr("replay: 1 s = %1 of the run").arg(bar.viewport.formatDuration(bar.replay.nsPerSecond))
                    : ""
            color: Theme.subtle
            font.pixelSize: Theme.smallFont
            ToolTip.visible: scaleHover.hovered
            ToolTip.text: qsTr("Real runs are fast: the replay slows them down so each second of animation shows this much of the run. Change the speed with [ and ].")
            HoverHandler { id: scaleHover }
        }
        Label {
            text: qsTr("event %1").arg(bar.sceneModel.eventsApplied)
            color: Theme.subtle
            font.pixelSize: Theme.smallFont
        }
    }
}
