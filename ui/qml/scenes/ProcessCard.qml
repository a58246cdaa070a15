import QtQuick
import QtQuick.Controls
import ConcurrencyLab
import "SceneLayout.js" as SceneLayout

// One process of the tree: its name and PID on a bar in its main thread's
// state colour (the colour of that thread's lane), how it stands at the
// cursor (starting, running, exited with its exit code, killed by a
// signal), a line of scene-specific activity, and one dot per thread and
// coroutine inside it, each in its state's colour.
Rectangle {
    id: card

    required property var proc          // an entry of SceneModel.processes
    property var main                   // its main thread (SceneModel.actors), if known
    property var members: []            // its threads and coroutines
    property string note: ""
    property color noteColor: Theme.text
    property real cursorNs: 0
    property real rightInset: 0         // room kept free at the right of the text (a task chip)

    readonly property string phase: proc ? proc.state : "new"
    readonly property bool exited: phase === "exited"
    readonly property bool signalled: exited && proc.hasExitCode && proc.exitCode < 0
    readonly property bool failed: exited && proc.hasExitCode && proc.exitCode !== 0
    readonly property int mainState: main && main.started ? main.state : -1
    readonly property color barColor: phase === "new" ? "transparent"
        : phase === "starting" ? Theme.sunken
        : exited ? Theme.stateColor(4)
        : mainState >= 0 ? Theme.stateColor(mainState) : Theme.sunken
    readonly property color barInk: phase === "new" || phase === "starting" || mainState < 0 && !exited
        ? Theme.text : Theme.stateInk(exited ? 4 : mainState)
    readonly property real barH: Math.round(Math.max(20, Math.min(Theme.fontSize + 14, height * 0.3)))
    readonly property int small: Math.max(10, Math.min(Theme.smallFont, Math.round(height * 0.17)))
    readonly property bool showDots: members.length > 1 && height - barH >= 2 * small + 26

    function fmt(ns) {
        return SceneLayout.duration(ns)
    }
    function signalName(n) {
        return n === 9 ? "SIGKILL" : n === 15 ? "SIGTERM" : n === 2 ? "SIGINT" : n === 6 ? "SIGABRT"
             : n === 11 ? "SIGSEGV" : qsTr("signal %1").arg(n)
    }
    readonly property string stateText: !proc ? ""
        : phase === "new" ? qsTr("not started yet")
        : phase === "starting" ? qsTr("starting: exec and load, %1").arg(fmt(cursorNs - proc.spawnedNs))
        : phase === "running" ? (proc.startedNs > 0 ? qsTr("running for %1").arg(fmt(cursorNs - proc.startedNs))
                                                    : qsTr("running"))
        : proc.parent === 0 ? qsTr("done: its main thread returned")
        : !proc.hasExitCode ? qsTr("exited")
        : proc.exitCode < 0 ? qsTr("killed by %1 · exitcode %2").arg(signalName(-proc.exitCode)).arg(proc.exitCode)
        : qsTr("exited · exitcode %1").arg(proc.exitCode)

    radius: 10
    color: phase === "new" ? "transparent" : Theme.panelAlt
    border.color: signalled || failed ? Theme.danger : phase === "new" ? Theme.border
                : exited ? Theme.stateColor(4) : mainState >= 0 ? Theme.stateColor(mainState) : Theme.accent
    border.width: phase === "new" ? 1 : 2
    opacity: phase === "new" ? 0.6 : 1
    clip: true

    Behavior on x {
        enabled: Theme.animate
        NumberAnimation { duration: Theme.moveMs; easing.type: Easing.OutCubic }
    }
    Behavior on y {
        enabled: Theme.animate
        NumberAnimation { duration: Theme.moveMs; easing.type: Easing.OutCubic }
    }

    // The bar: name and PID.
    Rectangle {
        x: 2
        y: 2
        width: parent.width - 4
        height: card.barH
        radius: card.radius - 2
        color: card.barColor
        Behavior on color {
            enabled: Theme.animate
            ColorAnimation { duration: 150 }
        }
        // Square lower corners.
        Rectangle {
            visible: card.phase !== "new"
            width: parent.width
            height: parent.radius
            anchors.bottom: parent.bottom
            color: parent.color
        }
        Label {
            id: pidLabel
            anchors.right: parent.right
            anchors.rightMargin: 8
            anchors.verticalCenter: parent.verticalCenter
            visible: card.proc && card.proc.pid > 0 && card.phase !== "new"
            text: card.proc ? qsTr("pid %1").arg(card.proc.pid) : ""
            color: card.barInk
            font.pixelSize: card.small + 1
        }
        Label {
            anchors.left: parent.left
            anchors.leftMargin: 8
            anchors.right: pidLabel.visible ? pidLabel.left : parent.right
            anchors.rightMargin: 6
            anchors.verticalCenter: parent.verticalCenter
            elide: Text.ElideRight
            text: card.proc ? card.proc.name : ""
            color: card.barInk
            font.bold: true
            font.pixelSize: Math.max(10, Math.min(Theme.fontSize + 1, Math.round(card.barH * 0.6)))
        }
    }

    Column {
        x: 8
        y: card.barH + 5
        width: parent.width - 16 - card.rightInset
        spacing: 2
        Label {
            id: stateLabel
            width: parent.width
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            text: card.stateText
            color: card.signalled || card.failed ? Theme.danger : Theme.text
            font.bold: card.signalled || card.failed
            font.pixelSize: card.small + 1
        }
        Label {
            visible: card.note !== ""
            width: parent.width
            elide: Text.ElideRight
            maximumLineCount: card.showDots || stateLabel.lineCount > 1 ? 1 : 2
            wrapMode: Text.Wrap
            text: card.note
            color: card.noteColor
            font.pixelSize: card.small
        }
    }

    // One dot per thread and coroutine, in its state's colour; hollow when
    // not started yet.
    Flow {
        id: dots
        visible: card.showDots
        readonly property real room: Math.max(8, card.height - card.barH - 2 * card.small - 22)
        readonly property real dot: Math.max(3, Math.min(12, Math.floor(Math.sqrt(width * room / Math.max(1, card.members.length))) - 1))
        readonly property int perRow: Math.max(1, Math.floor((width + 1) / (dot + 1)))
        // As many as fit; a crowd beyond that is counted, not drawn.
        readonly property int fits: perRow * Math.max(1, Math.floor((room + 1) / (dot + 1)))
        // Rows left free for the "+N" line when they do not all fit.
        readonly property int labelRows: Math.ceil((card.small + 4) / (dot + 1))
        readonly property int shown: card.members.length > fits ? Math.max(0, fits - labelRows * perRow) : card.members.length
        x: 8
        width: parent.width - 16
        height: Math.min(room, Math.ceil(card.members.length / perRow) * (dot + 1))
        y: parent.height - height - 6
        spacing: 1
        clip: true
        Repeater {
            model: dots.visible ? dots.shown : 0
            delegate: Rectangle {
                required property int index
                readonly property var a: card.members[index]
                width: dots.dot
                height: dots.dot
                radius: a && a.kind === "coroutine" ? dots.dot / 2 : 1
                color: a && (a.started || a.state === 6) ? Theme.stateColor(a.state) : "transparent"
                border.color: a && (a.started || a.state === 6) ? "transparent" : Theme.border
                border.width: 1
            }
        }
    }
    Label {
        visible: dots.visible && dots.shown < card.members.length
        x: dots.x
        y: dots.y + dots.height - height
        text: qsTr("+%1 more threads and coroutines").arg(card.members.length - dots.shown)
        color: Theme.subtle
        font.pixelSize: card.small
    }

    ToolTip.visible: hover.hovered
    ToolTip.delay: 300
    ToolTip.text: !proc ? ""
        : proc.parent === 0 ? qsTr("%1 (pid %2): this program, the parent of every process below. %3")
                                  .arg(proc.name).arg(proc.pid).arg(stateText)
        : qsTr("%1 (pid %2), a child of %3 (pid %4): %5. %n thread(s)", "", proc.threads)
              .arg(proc.name).arg(proc.pid).arg(proc.parentName).arg(proc.parentPid).arg(stateText)
          + (proc.coroutines > 0 ? qsTr(", %n coroutine(s)", "", proc.coroutines) : "")
    HoverHandler { id: hover }
}
