import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConcurrencyLab

// A small bar chart: bars is a list of {label, value}.
ColumnLayout {
    id: chart

    property string title
    property var bars: []
    property color color: Theme.accent
    readonly property real peak: Math.max(1, ...bars.map(b => b.value))
    // Room above the tallest bar for its value.
    readonly property real labelRoom: Theme.smallFont + 8

    spacing: 2

    Label {
        text: chart.title
        font.bold: true
        topPadding: 8
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Item {
        Layout.fillWidth: true
        implicitHeight: 90 + chart.labelRoom - 14
        Row {
            anchors.fill: parent
            spacing: 2
            Repeater {
                model: chart.bars
                delegate: Item {
                    required property var modelData
                    width: (chart.width - (chart.bars.length - 1) * 2) / Math.max(1, chart.bars.length)
                    height: parent.height
                    Rectangle {
                        anchors.bottom: parent.bottom
                        width: parent.width
                        height: Math.max(modelData.value > 0 ? 2 : 0, (parent.height - chart.labelRoom) * modelData.value / chart.peak)
                        color: chart.color
                        ToolTip.visible: hover.hovered
                        ToolTip.text: qsTr("%1: %2").arg(modelData.label).arg(modelData.value)
                        HoverHandler { id: hover }
                    }
                    Label {
                        anchors.horizontalCenter: parent.horizontalCenter
                        y: parent.height - (parent.height - chart.labelRoom) * modelData.value / chart.peak - height
                        text: modelData.value > 0 ? modelData.value : ""
                        font.pixelSize: Theme.smallFont
                        color: Theme.subtle
                    }
                }
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Label {
            text: chart.bars.length > 0 ? chart.bars[0].label : ""
            font.pixelSize: Theme.smallFont
            color: Theme.subtle
        }
        Item { Layout.fillWidth: true }
        Label {
            text: chart.bars.length > 0 ? chart.bars[chart.bars.length - 1].label : ""
            font.pixelSize: Theme.smallFont
            color: Theme.subtle
        }
    }
}
