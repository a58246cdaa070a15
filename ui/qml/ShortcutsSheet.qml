import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConcurrencyLab

// Help → Shortcuts.
Dialog {
    id: sheet

    title: qsTr("Keyboard shortcuts")
    modal: true
    standardButtons: Dialog.Close
    anchors.centerIn: Overlay.overlay
    width: 460

    readonly property var shortcuts: [
        ["Space", qsTr("Run; after a run, pause or resume the replay")],
        ["Esc", qsTr("Stop the run or the replay")],
        ["Ctrl+R", qsTr("Run again")],
        ["Ctrl+Backspace", qsTr("Reset")],
        ["F", qsTr("Fit the whole run in the timeline")],
        ["← / →", qsTr("Step the time cursor to the previous / next event")],
        ["+ / −", qsTr("Zoom the timeline in / out")],
        ["[ / ]", qsTr("Replay slower / faster")],
        [qsTr("Wheel"), qsTr("Zoom around the mouse")],
        [qsTr("Drag"), qsTr("Pan the timeline")],
        [qsTr("Shift+Wheel"), qsTr("Scroll the lanes")],
        [qsTr("Click"), qsTr("Select an interval; lanes that waited on its lock light up")],
        [qsTr("Double-click"), qsTr("Move the time cursor there")],
        ["Ctrl+E", qsTr("Save the window as a PNG")],
        ["Ctrl+Shift+E", qsTr("Save the trace for Perfetto")],
        ["Ctrl+T", qsTr("Light or dark theme")],
        ["F1", qsTr("This sheet")]
    ]

    GridLayout {
        columns: 2
        columnSpacing: 16
        rowSpacing: 4
        Repeater {
            model: sheet.shortcuts.length * 2
            Label {
                required property int index
                readonly property var entry: sheet.shortcuts[Math.floor(index / 2)]
                text: index % 2 === 0 ? entry[0] : entry[1]
                font.family: index % 2 === 0 ? "monospace" : ""
                font.bold: index % 2 === 0
                wrapMode: Text.Wrap
                Layout.fillWidth: index % 2 === 1
            }
        }
    }
}
