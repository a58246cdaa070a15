import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConcurrencyLab

// Always visible: what each colour and shape in the lanes means, and the
// arrows between them.
Rectangle {
    id: legend

    color: Theme.panelAlt
    implicitHeight: flow.implicitHeight + 10

    Flow {
        id: flow
        anchors.fill: parent
        anchors.margins: 5
        spacing: 14

        Repeater {
            model: StatePalette.legend
            delegate: Row {
                required property var modelData
                spacing: 5
                StateSwatch {
                    state: modelData.state
                    anchors.verticalCenter: parent.verticalCenter
                }
                Label {
                    text: modelData.label
                    font.pixelSize: Theme.smallFont
                    anchors.verticalCenter: parent.verticalCenter
                }
                ToolTip.visible: hover.hovered
                ToolTip.text: qsTr("%1: drawn as a %2").arg(modelData.label).arg(modelData.patternName)
                HoverHandler { id: hover }
            }
        }
        Repeater {
            model: [
                { color: Theme.text, dash: false, label: qsTr("release → the waiter it let in") },
                { color: "#0072B2", dash: false, label: qsTr("put → the get it fed") },
                { color: "#CC79A7", dash: false, label: qsTr("submit → worker") },
                { color: "#888888", dash: true, label: qsTr("start / join") }
            ]
            delegate: Row {
                id: arrowEntry
                required property var modelData
                spacing: 5
                Row {
                    anchors.verticalCenter: parent.verticalCenter
                    spacing: 2
                    Repeater {
                        model: arrowEntry.modelData.dash ? 4 : 1
                        Rectangle {
                            width: arrowEntry.modelData.dash ? 4 : 22
                            height: 2
                            color: arrowEntry.modelData.color
                        }
                    }
                    Text {
                        text: "▸"
                        color: arrowEntry.modelData.color
                        font.pixelSize: 12
                        anchors.verticalCenter: parent.verticalCenter
                    }
                }
                Label {
                    text: arrowEntry.modelData.label
                    font.pixelSize: Theme.smallFont
                    anchors.verticalCenter: parent.verticalCenter
                }
            }
        }
        Row {
            spacing: 5
            Column {
                anchors.verticalCenter: parent.verticalCenter
                Rectangle { width: 1.5; height: 6; color: Theme.text }
            }
            Label {
                text: qsTr("tick: acquire (tall) / release (short)")
                font.pixelSize: Theme.smallFont
            }
        }
    }
}
