import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConcurrencyLab

ToolBar {
    id: bar

    required property RunController controller
    required property ReplayClock replay

    signal runOrPause()
    signal runRequested()
    signal stopRequested()
    signal resetRequested()
    signal fitRequested()
    signal shortcutsRequested()
    signal exportPngRequested()
    signal exportTraceRequested()

    background: Rectangle {
        color: Theme.panel
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.border
        }
    }

    component BarButton: ToolButton {
        property string tip
        ToolTip.visible: hovered && tip !== ""
        ToolTip.delay: 500
        ToolTip.text: tip
    }

    RowLayout {
        anchors.fill: parent
        spacing: 4

        BarButton {
            text: qsTr("▶ Run")
            enabled: !controller.running
            tip: qsTr("Run the scenario on real threads (Ctrl+R; Space when nothing has run)")
            onClicked: bar.runRequested()
        }
        BarButton {
            text: replay.playing ? qsTr("‖ Pause") : qsTr("▶ Resume")
            enabled: controller.hasResult && !controller.running
            tip: qsTr("Pause or resume the replay (Space)")
            onClicked: bar.runOrPause()
        }
        BarButton {
            text: qsTr("■ Stop")
            enabled: controller.running || replay.playing
            tip: qsTr("Stop the run, even a deadlocked one, or the replay (Esc)")
            onClicked: bar.stopRequested()
        }
        BarButton {
            text: qsTr("↺ Reset")
            enabled: !controller.running
            tip: qsTr("Forget the last run (Ctrl+Backspace)")
            onClicked: bar.resetRequested()
        }
        ToolSeparator {}
        BarButton {
            text: qsTr("⇔ Fit")
            tip: qsTr("Fit the whole run into the timeline (F)")
            onClicked: bar.fitRequested()
        }
        Label {
            text: qsTr("Speed")
            color: Theme.subtle
            Layout.leftMargin: 8
        }
        ComboBox {
            id: speed
            readonly property var speeds: [0.125, 0.25, 0.5, 1, 2, 4, 8]
            model: speeds.map(s => qsTr("×%1").arg(s))
            currentIndex: speeds.indexOf(replay.speed) >= 0 ? speeds.indexOf(replay.speed) : 3
            onActivated: index => replay.speed = speeds[index]
            implicitWidth: 90
            ToolTip.visible: hovered
            ToolTip.delay: 500
            ToolTip.text: qsTr("Replay speed ([ slower, ] faster)")
        }
        ToolSeparator {}
        BarButton {
            text: qsTr("Save picture")
            enabled: controller.hasResult
            tip: qsTr("Save the window as a PNG for slides (Ctrl+E)")
            onClicked: bar.exportPngRequested()
        }
        BarButton {
            text: qsTr("Save trace")
            enabled: controller.hasResult
            tip: qsTr("Save the trace as Chrome Trace JSON for Perfetto (Ctrl+Shift+E)")
            onClicked: bar.exportTraceRequested()
        }

        Item { Layout.fillWidth: true }

        Label {
            visible: controller.running
            text: qsTr("running… %1 events").arg(controller.session.eventCount)
            color: Theme.accent
        }
        Switch {
            text: qsTr("Dark")
            checked: Theme.dark
            onToggled: AppSettings.dark = checked
            ToolTip.visible: hovered
            ToolTip.delay: 500
            ToolTip.text: qsTr("Light or dark theme (Ctrl+T)")
        }
        BarButton {
            text: qsTr("?")
            tip: qsTr("Keyboard shortcuts (F1)")
            onClicked: bar.shortcutsRequested()
        }
    }
}
