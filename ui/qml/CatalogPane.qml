import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConcurrencyLab

// The scenario catalog, grouped, with search.
Rectangle {
    id: pane

    property string currentId
    signal picked(string id)

    color: Theme.panel

    ScenarioCatalogModel {
        id: catalog
        filterText: search.text
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        TextField {
            id: search
            Layout.fillWidth: true
            placeholderText: qsTr("Search scenarios")
            ToolTip.visible: hovered && text === ""
            ToolTip.delay: 800
            ToolTip.text: qsTr("Filter by name, group or description")
        }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: catalog
            section.property: "group"
            section.delegate: Label {
                required property string section
                text: section
                font.bold: true
                color: Theme.subtle
                topPadding: 10
                bottomPadding: 4
            }
            delegate: ItemDelegate {
                required property string scenarioId
                required property string title
                required property string description
                width: list.width
                text: title
                highlighted: scenarioId === pane.currentId
                onClicked: pane.picked(scenarioId)
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: description
            }
            ScrollBar.vertical: ScrollBar {}
        }
        Label {
            visible: catalog.count === 0
            text: qsTr("No scenario matches “%1”.").arg(search.text)
            color: Theme.subtle
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
