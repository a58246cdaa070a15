import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import ConcurrencyLab

// A Pipe or a Queue between two processes: a tube from the writer's card to
// the reader's (a stub while one end is unknown), with an arrow head at the
// reader's end and its counts beside it. The messages in it are chips the
// scene draws above, so they can slide along.
Item {
    id: tube
    required property var t                 // a tube of ProcessScene.tubes
    required property real chipS
    required property real sceneWidth
    readonly property real w: chipS + 10

    Shape {
        anchors.fill: parent
        ShapePath {
            strokeColor: Theme.item
            strokeWidth: tube.w + 4
            capStyle: ShapePath.FlatCap
            fillColor: "transparent"
            startX: tube.t.x1; startY: tube.t.y1
            PathLine { x: tube.t.x2; y: tube.t.y2 }
        }
        ShapePath {
            strokeColor: Theme.sunken
            strokeWidth: tube.w
            capStyle: ShapePath.FlatCap
            fillColor: "transparent"
            startX: tube.t.x1; startY: tube.t.y1
            PathLine { x: tube.t.x2; y: tube.t.y2 }
        }
        // The way the messages go: a head at the reader's end.
        ShapePath {
            strokeColor: "transparent"
            fillColor: tube.t.known ? Theme.item : "transparent"
            PathPolyline { path: tube.t.head }
        }
    }
    // The open end of a tube whose reader is not known yet.
    Label {
        visible: !tube.t.known && tube.t.q.getters.length === 0
        x: tube.t.x2 + 6
        y: tube.t.y2 - height / 2
        text: qsTr("no reader yet")
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Label {
        readonly property real mx: (tube.t.x1 + tube.t.x2) / 2
        readonly property real my: (tube.t.y1 + tube.t.y2) / 2
        width: tube.t.vertical ? Math.min(260, tube.sceneWidth - mx - tube.w) : Math.max(90, Math.abs(tube.t.x2 - tube.t.x1) - 8)
        x: tube.t.vertical ? mx + tube.w / 2 + 8 : mx - width / 2
        y: tube.t.vertical ? my - height / 2 : my - tube.w / 2 - height - 4
        horizontalAlignment: tube.t.vertical ? Text.AlignLeft : Text.AlignHCenter
        wrapMode: Text.Wrap
        text: qsTr("%1: %2 sent · %3 in flight · %4 received")
            .arg(tube.t.q.name).arg(tube.t.q.puts).arg(tube.t.q.items.length).arg(tube.t.q.gets)
        color: tube.t.q.items.length > 0 ? Theme.text : Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Label {
        visible: tube.t.q.items.length > tube.t.room && tube.t.room > 0
        x: tube.t.x1 + (tube.t.vertical ? tube.w / 2 + 6 : 4)
        y: tube.t.vertical ? tube.t.y1 - height - 2 : tube.t.y1 + tube.w / 2 + 2
        text: qsTr("+%1 more").arg(tube.t.q.items.length - Math.max(0, tube.t.room - 1))
        color: Theme.text
        font.pixelSize: Theme.smallFont
    }
}
