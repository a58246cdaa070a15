import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConcurrencyLab

// The scenario's parameters as controls, each with its help as a tooltip.
Rectangle {
    id: pane

    required property RunController controller
    readonly property ParameterModel parameters: controller.parameters

    color: Theme.panel
    implicitHeight: column.implicitHeight + 2 * Theme.spacing

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 6

        Label {
            text: controller.title
            font.pixelSize: Theme.titleFont
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: controller.description
            color: Theme.subtle
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Parameters")
            font.bold: true
            topPadding: 6
        }
        Repeater {
            model: pane.parameters
            delegate: ColumnLayout {
                id: row
                required property int index
                required property string name
                required property string type
                required property var value
                required property var minimum
                required property var maximum
                required property var choices
                required property string help
                required property string range
                Layout.fillWidth: true
                spacing: 2
                enabled: !pane.controller.running

                function commit(v) {
                    pane.parameters.setValue(index, v)
                }

                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        text: row.name
                        font.family: "monospace"
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                    Loader {
                        sourceComponent: row.type === "bool" ? switchControl
                                       : row.type === "choice" ? choiceControl
                                       : row.type === "float" ? realControl : intControl
                    }
                }
                // A slider only where it helps: small integer ranges.
                Loader {
                    active: row.type === "int" && row.maximum - row.minimum + 1 <= 64
                    visible: active
                    Layout.fillWidth: true
                    sourceComponent: Slider {
                        from: row.minimum
                        to: row.maximum
                        stepSize: 1
                        snapMode: Slider.SnapAlways
                        value: row.value
                        live: false
                        onMoved: row.commit(Math.round(value))
                        ToolTip.visible: hovered
                        ToolTip.delay: 500
                        ToolTip.text: row.help + "  (" + row.range + ")"
                    }
                }
                Component {
                    id: intControl
                    SpinBox {
                        from: row.minimum
                        to: row.maximum
                        implicitWidth: 130
                        value: row.value
                        editable: true
                        onValueModified: row.commit(value)
                        ToolTip.visible: hovered
                        ToolTip.delay: 500
                        ToolTip.text: row.help + "  (" + row.range + ")"
                    }
                }
                Component {
                    id: realControl
                    TextField {
                        text: String(row.value)
                        validator: DoubleValidator { bottom: row.minimum; top: row.maximum }
                        onEditingFinished: row.commit(Number(text))
                        implicitWidth: 100
                        ToolTip.visible: hovered
                        ToolTip.delay: 500
                        ToolTip.text: row.help + "  (" + row.range + ")"
                    }
                }
                Component {
                    id: switchControl
                    Switch {
                        checked: row.value
                        onToggled: row.commit(checked)
                        ToolTip.visible: hovered
                        ToolTip.delay: 500
                        ToolTip.text: row.help
                    }
                }
                Component {
                    id: choiceControl
                    ComboBox {
                        implicitWidth: 160
                        model: row.choices
                        currentIndex: row.choices.indexOf(row.value)
                        onActivated: i => row.commit(row.choices[i])
                        ToolTip.visible: hovered
                        ToolTip.delay: 500
                        ToolTip.text: row.help
                    }
                }
            }
        }
        Label {
            visible: pane.parameters.lastError !== ""
            text: pane.parameters.lastError
            color: Theme.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            Button {
                text: qsTr("Defaults")
                enabled: !pane.controller.running
                onClicked: pane.parameters.resetToDefaults()
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: qsTr("Put every parameter back to its default")
            }
            Item { Layout.fillWidth: true }
            Label { text: qsTr("seed") }
            SpinBox {
                from: 0
                to: 1000000
                value: pane.controller.seed
                editable: true
                onValueModified: pane.controller.seed = value
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: qsTr("Seed for the scenario's random choices: the same seed repeats them")
            }
        }
    }
}
