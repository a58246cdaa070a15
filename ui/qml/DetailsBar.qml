import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConcurrencyLab

// The interval selected in the timeline, in words.
Rectangle {
    id: bar

    property var selection: ({})
    signal cleared()

    visible: selection.actorName !== undefined
    color: Theme.panel
    implicitHeight: visible ? row.implicitHeight + 8 : 0

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        StateSwatch {
            state: bar.selection.state !== undefined ? bar.selection.state : 0
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: bar.selection.actorName === undefined ? ""
                : qsTr("%1 was %2%3 from %4 for %5.").arg(bar.selection.actorName).arg(bar.selection.stateLabel)
                  .arg(bar.selection.objectName ? qsTr(" on %1").arg(bar.selection.objectName) : "")
                  .arg(bar.selection.start).arg(bar.selection.duration)
                  + (bar.selection.objectName ? " " + qsTr("Every lane that waited on %1 is highlighted.").arg(bar.selection.objectName) : "")
        }
        ToolButton {
            text: qsTr("✕")
            onClicked: bar.cleared()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Clear the selection")
        }
    }
}
