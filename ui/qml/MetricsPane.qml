import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConcurrencyLab

// The run's figures as it goes, then the scenario's own metrics and charts.
Rectangle {
    id: pane

    required property RunController controller
    readonly property var metrics: controller.metrics

    color: Theme.panel
    implicitHeight: column.implicitHeight + 2 * Theme.spacing

    ChartData {
        id: charts
        session: pane.controller.session
    }

    function format(value) {
        if (Array.isArray(value))
            return value.length === 0 ? qsTr("none") : value.join(", ")
        if (typeof value === "number")
            return Number.isInteger(value) ? value.toLocaleString(Qt.locale(), "f", 0)
                                           : value.toLocaleString(Qt.locale(), "f", 2)
        if (typeof value === "boolean")
            return value ? qsTr("yes") : qsTr("no")
        return String(value)
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 4

        Label {
            text: qsTr("Metrics")
            font.bold: true
        }
        GridLayout {
            columns: 2
            columnSpacing: 12
            rowSpacing: 2
            Layout.fillWidth: true

            Label { text: qsTr("events"); color: Theme.subtle }
            Label { text: pane.format(pane.controller.session.eventCount) }
            Label { text: qsTr("lanes"); color: Theme.subtle }
            Label { text: pane.format(pane.controller.session.lanes.count) }
            Label { text: qsTr("elapsed"); color: Theme.subtle; visible: pane.controller.hasResult }
            Label {
                visible: pane.controller.hasResult
                text: qsTr("%1 ms").arg(pane.format(pane.controller.elapsedMs))
            }
            Repeater {
                model: Object.keys(pane.metrics)
                delegate: Label {
                    required property string modelData
                    required property int index
                    text: modelData
                    color: Theme.subtle
                    font.family: "monospace"
                    Layout.row: 3 + index
                    Layout.column: 0
                }
            }
            Repeater {
                model: Object.keys(pane.metrics)
                delegate: Label {
                    required property string modelData
                    required property int index
                    text: pane.format(pane.metrics[modelData])
                    font.bold: modelData === "lost_updates" || modelData === "deadlock"
                    color: (modelData === "lost_updates" && pane.metrics[modelData] > 0)
                           || (modelData === "deadlock" && pane.metrics[modelData] === true) ? Theme.danger : Theme.text
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Layout.row: 3 + index
                    Layout.column: 1
                }
            }
        }
        Label {
            visible: pane.controller.cancelled
            text: qsTr("Stopped before the end.")
            color: Theme.danger
        }
        Label {
            visible: pane.controller.error !== ""
            text: qsTr("The scenario raised: %1").arg(pane.controller.error)
            color: Theme.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        BarChart {
            Layout.fillWidth: true
            visible: charts.lockWaits.length > 0
            title: qsTr("Lock waits: how many waited how long")
            bars: charts.lockWaits
            color: StatePalette.color(1)
        }
        BarChart {
            Layout.fillWidth: true
            visible: charts.throughput.length > 0
            title: qsTr("Pool throughput: tasks finished per interval")
            bars: charts.throughput
            color: StatePalette.color(0)
        }
    }
}
