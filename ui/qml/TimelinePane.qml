import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConcurrencyLab

// Lanes of every actor on one time axis. Wheel zooms around the mouse,
// dragging pans, Shift+wheel scrolls lanes, a click selects an interval,
// clicking or dragging on the ruler moves the time cursor.
Rectangle {
    id: pane

    required property TraceSession session
    required property TimelineViewport viewport
    required property ReplayClock replay
    property var selection: ({})
    // Wide enough for "ThreadPoolExecutor-0_12"; longer names elide in the
    // middle so both the prefix and the number stay readable.
    readonly property int nameWidth: Math.round(Math.max(140, Math.min(Theme.slide ? 260 : 210, width * 0.26)))
    readonly property int laneHeight: Theme.laneHeight

    function clearSelection() {
        selection = {}
    }

    color: Theme.panel
    clip: true

    Binding {
        target: pane.viewport
        property: "width"
        value: Math.max(1, pane.width - pane.nameWidth)
    }

    TimeRuler {
        id: ruler
        x: pane.nameWidth
        width: pane.width - pane.nameWidth
        height: 24
        viewport: pane.viewport
        color: Theme.subtle

        MouseArea {
            anchors.fill: parent
            cursorShape: Qt.SizeHorCursor
            onPressed: mouse => pane.replay.seek(pane.viewport.nsAtX(mouse.x))
            onPositionChanged: mouse => {
                if (pressed)
                    pane.replay.seek(pane.viewport.nsAtX(mouse.x))
            }
            ToolTip.visible: containsMouse
            ToolTip.delay: 800
            ToolTip.text: qsTr("Click or drag to move the time cursor; ← and → step from event to event")
            hoverEnabled: true
        }
    }
    Label {
        x: 6
        height: ruler.height
        verticalAlignment: Text.AlignVCenter
        text: qsTr("time since start")
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }

    ListView {
        id: lanes
        anchors.top: ruler.bottom
        anchors.bottom: parent.bottom
        width: parent.width
        clip: true
        interactive: false
        model: pane.session.lanes
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { policy: lanes.contentHeight > lanes.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded }

        delegate: Item {
            id: laneRow
            required property int index
            required property int actorId
            required property string name
            required property string kind
            required property string process
            required property var osId
            required property bool daemon
            readonly property bool isProcess: kind === "process"
            // Coroutines are indented under the thread whose loop runs them.
            readonly property bool isCoroutine: kind === "coroutine"
            readonly property bool highlighted: pane.selection.object !== undefined && pane.selection.object !== 0
                                                && waitedOn.indexOf(actorId) >= 0
            readonly property var waitedOn: pane.selection.object ? pane.session.actorsWaitingOn(pane.selection.object) : []

            width: lanes.width
            height: pane.laneHeight

            Rectangle {
                anchors.fill: parent
                color: laneRow.isProcess ? Theme.panelAlt
                     : laneRow.highlighted ? Qt.rgba(0, 0.45, 0.7, 0.12)
                     : laneRow.index % 2 ? Theme.panelAlt : Theme.panel
            }
            Rectangle {
                visible: laneRow.isCoroutine
                x: 10
                width: 1
                height: parent.height / 2
                color: Theme.border
            }
            Rectangle {
                visible: laneRow.isCoroutine
                x: 10
                y: parent.height / 2
                width: 7
                height: 1
                color: Theme.border
            }
            Label {
                x: laneRow.isCoroutine ? 20 : 6
                width: laneRow.isProcess ? lanes.width - 12 : pane.nameWidth - x - 4
                height: parent.height
                verticalAlignment: Text.AlignVCenter
                elide: laneRow.isProcess ? Text.ElideRight : Text.ElideMiddle
                text: laneRow.isProcess ? laneRow.process
                                        : laneRow.name + (laneRow.daemon ? qsTr(" (daemon)") : "")
                font.bold: laneRow.isProcess || laneRow.highlighted
                font.pixelSize: laneRow.isProcess ? Theme.smallFont : Theme.fontSize
                color: laneRow.isProcess ? Theme.subtle : Theme.text
                HoverHandler { id: nameHover }
                ToolTip.visible: nameHover.hovered && !laneRow.isProcess
                ToolTip.delay: 400
                ToolTip.text: laneRow.isCoroutine ? qsTr("%1, a coroutine on its thread's event loop").arg(laneRow.name)
                                                  : qsTr("%1, native thread id %2").arg(laneRow.name).arg(laneRow.osId)
            }
            TimelineLane {
                visible: !laneRow.isProcess
                x: pane.nameWidth
                width: lanes.width - pane.nameWidth
                height: parent.height
                session: pane.session
                viewport: pane.viewport
                actorId: laneRow.actorId
                dark: Theme.dark
                highlightObject: pane.selection.object ? pane.selection.object : 0
            }
        }
    }

    HandoffOverlay {
        id: overlay
        visible: arrowCount > 0
        x: pane.nameWidth
        y: lanes.y
        width: lanes.width - pane.nameWidth
        height: lanes.height
        session: pane.session
        viewport: pane.viewport
        laneHeight: pane.laneHeight
        contentY: lanes.contentY
        dark: Theme.dark
    }

    Label {
        anchors.right: parent.right
        anchors.rightMargin: 18
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 4
        visible: overlay.hiddenCount > 0
        text: qsTr("zoom in to see the %n handoff arrow(s) here", "", overlay.hiddenCount)
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }

    // The time cursor.
    Rectangle {
        readonly property real cx: pane.viewport.xForNs(pane.replay.cursorNs)
        visible: pane.session.eventCount > 0 && cx >= 0 && cx <= pane.width - pane.nameWidth
        x: pane.nameWidth + cx - 1
        y: 0
        width: 2
        height: pane.height
        color: Theme.cursor
        Rectangle {
            anchors.horizontalCenter: parent.horizontalCenter
            width: 10
            height: 10
            radius: 5
            color: Theme.cursor
        }
    }

    MouseArea {
        id: lanesMouse
        x: pane.nameWidth
        y: lanes.y
        width: lanes.width - pane.nameWidth - 12
        height: lanes.height
        hoverEnabled: true
        acceptedButtons: Qt.LeftButton
        cursorShape: pressed ? Qt.ClosedHandCursor : Qt.ArrowCursor
        property real lastX: 0
        property bool dragged: false
        property var hovered: ({})

        function intervalAt(x, y) {
            const row = lanes.indexAt(10, y + lanes.contentY)
            const actor = pane.session.lanes.actorAt(row)
            return actor ? pane.session.intervalAt(actor, pane.viewport.nsAtX(x)) : {}
        }

        onWheel: wheel => {
            if (wheel.modifiers & Qt.ShiftModifier) {
                lanes.contentY = Math.max(0, Math.min(lanes.contentHeight - lanes.height,
                                                      lanes.contentY - wheel.angleDelta.y))
                return
            }
            const delta = wheel.angleDelta.y !== 0 ? wheel.angleDelta.y : wheel.angleDelta.x
            pane.viewport.zoomAt(wheel.x, Math.pow(1.0015, delta))
        }
        onPressed: mouse => {
            lastX = mouse.x
            dragged = false
        }
        onPositionChanged: mouse => {
            if (pressed) {
                if (Math.abs(mouse.x - lastX) > 2 || dragged) {
                    pane.viewport.panBy(mouse.x - lastX)
                    lastX = mouse.x
                    dragged = true
                }
            } else {
                hovered = intervalAt(mouse.x, mouse.y)
            }
        }
        onExited: hovered = {}
        onClicked: mouse => {
            if (!dragged)
                pane.selection = intervalAt(mouse.x, mouse.y)
        }
        onDoubleClicked: mouse => pane.replay.seek(pane.viewport.nsAtX(mouse.x))

        ToolTip.visible: containsMouse && !pressed && hovered.actorName !== undefined
        ToolTip.delay: 300
        ToolTip.text: hovered.actorName === undefined ? ""
            : hovered.actorName + " · " + hovered.stateLabel
              + (hovered.objectName ? " · " + hovered.objectName : "")
              + "\n" + qsTr("from %1 for %2").arg(hovered.start).arg(hovered.duration)
    }

    Label {
        anchors.centerIn: lanes
        visible: pane.session.lanes.count === 0
        text: qsTr("The timeline fills in as the run records: one lane per thread.")
        color: Theme.subtle
    }
}
