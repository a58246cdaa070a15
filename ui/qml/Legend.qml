import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import ConcurrencyLab

// Always visible: what each colour and shape in the lanes (and the scenes)
// means, and the arrows between lanes.
Rectangle {
    id: legend

    readonly property int font: Theme.smallFont + 1
    // States beyond the five every scene shows (Scenes.extraStates).
    property var extraStates: []

    color: Theme.panelAlt
    implicitHeight: flow.implicitHeight + 12

    Rectangle {
        width: parent.width
        height: 1
        color: Theme.border
    }

    Flow {
        id: flow
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        anchors.topMargin: 5
        anchors.bottomMargin: 5
        spacing: 4

        Repeater {
            model: StatePalette.legendWith(legend.extraStates)
            delegate: Row {
                required property var modelData
                spacing: 5
                rightPadding: 10
                height: Math.max(18, stateLabel.implicitHeight)
                StateSwatch {
                    state: modelData.state
                    anchors.verticalCenter: parent.verticalCenter
                }
                Label {
                    id: stateLabel
                    text: modelData.label
                    font.pixelSize: legend.font
                    anchors.verticalCenter: parent.verticalCenter
                }
                ToolTip.visible: hover.hovered
                ToolTip.text: qsTr("%1: drawn as a %2").arg(modelData.label).arg(modelData.patternName)
                HoverHandler { id: hover }
            }
        }
        Repeater {
            model: [
                { color: Theme.dark ? "#eeeeee" : "#222222", dash: false, label: qsTr("release → the waiter it let in") },
                { color: Theme.item, dash: false, label: qsTr("put → the get it fed") },
                { color: Theme.task, dash: false, label: qsTr("submit → worker") },
                { color: "#888888", dash: true, label: qsTr("start / join") }
            ]
            delegate: Row {
                id: arrowEntry
                required property var modelData
                spacing: 5
                rightPadding: 10
                height: Math.max(18, arrowLabel.implicitHeight)
                Shape {
                    anchors.verticalCenter: parent.verticalCenter
                    width: 28
                    height: 10
                    ShapePath {
                        strokeColor: arrowEntry.modelData.color
                        strokeWidth: 2
                        strokeStyle: arrowEntry.modelData.dash ? ShapePath.DashLine : ShapePath.SolidLine
                        dashPattern: [2, 2]
                        fillColor: "transparent"
                        startX: 0; startY: 5
                        PathLine { x: 21; y: 5 }
                    }
                    // The head as a stroke: stroked paths render alike on
                    // every scene-graph backend.
                    ShapePath {
                        strokeColor: arrowEntry.modelData.color
                        strokeWidth: 2
                        fillColor: "transparent"
                        joinStyle: ShapePath.MiterJoin
                        startX: 21; startY: 1
                        PathLine { x: 26; y: 5 }
                        PathLine { x: 21; y: 9 }
                    }
                }
                Label {
                    id: arrowLabel
                    text: arrowEntry.modelData.label
                    font.pixelSize: legend.font
                    anchors.verticalCenter: parent.verticalCenter
                }
            }
        }
        Row {
            spacing: 5
            height: Math.max(18, tickLabel.implicitHeight)
            Row {
                anchors.verticalCenter: parent.verticalCenter
                spacing: 4
                Rectangle { width: 2; height: 12; color: Theme.text; anchors.verticalCenter: parent.verticalCenter }
                Rectangle { width: 2; height: 6; color: Theme.text; anchors.verticalCenter: parent.verticalCenter }
            }
            Label {
                id: tickLabel
                text: qsTr("tick: acquire (tall) / release (short)")
                font.pixelSize: legend.font
                anchors.verticalCenter: parent.verticalCenter
            }
        }
    }
}
