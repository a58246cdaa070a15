import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import ConcurrencyLab
import "SceneLayout.js" as SceneLayout

// Threads around the table (an outer ring), locks between them (an inner
// ring): a solid line from a lock to the thread that holds it, a dashed
// arrow from a thread to the lock it waits for. When the engine finds a
// wait-for cycle, the cycle is drawn as a red ring through everyone in it.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var locks: scene.objects.filter(o => o.kind === "Lock" || o.kind === "RLock")
    readonly property var threads: scene.actors.filter(a => a.name !== "MainThread")
    readonly property var cycle: scene.deadlock
    // The engine reported the cycle (from then on, for the rest of the run).
    readonly property bool found: cycle.actorIds !== undefined && cycle.actorIds.length > 0
    // A cycle in the wait-for graph at the cursor, found here by following
    // each waiting thread to the owner of the lock it wants; it exists
    // before the engine's next check reports it.
    readonly property var waitCycle: {
        const lockById = {}
        locks.forEach(l => lockById[l.id] = l)
        const threadById = {}
        threads.forEach(a => threadById[a.id] = a)
        for (const start of threads) {
            const path = []
            let a = start
            while (a && a.state === 1 && lockById[a.object] && path.findIndex(p => p.actor === a.id) < 0) {
                path.push({ actor: a.id, object: a.object })
                a = threadById[lockById[a.object].owner]
            }
            const at = a ? path.findIndex(p => p.actor === a.id) : -1
            if (at >= 0) {
                const loop = path.slice(at)
                return { actorIds: loop.map(p => p.actor), objectIds: loop.map(p => p.object),
                         actors: loop.map(p => threadById[p.actor].name) }
            }
        }
        return { actorIds: [], objectIds: [], actors: [] }
    }
    readonly property bool looped: found || waitCycle.actorIds.length > 0
    readonly property var cycleActors: found ? cycle.actorIds : waitCycle.actorIds
    readonly property var cycleObjects: found && cycle.objectIds !== undefined ? cycle.objectIds : waitCycle.objectIds
    readonly property var cycleNames: found ? cycle.actors : waitCycle.actors
    readonly property int waiting: threads.filter(a => a.state === 1).length
    readonly property int finished: threads.filter(a => a.started && a.state === 4).length
    readonly property string prefix: SceneLayout.commonPrefix(threads.map(a => a.name))

    // Geometry: two concentric ellipses below the caption.
    readonly property int slots: Math.max(2, threads.length, locks.length)
    readonly property real topY: caption.height + 8
    readonly property real cx: width / 2
    readonly property real cy: topY + (height - topY) / 2
    readonly property real stepAngle: 2 * Math.PI / slots
    readonly property real tokenW: Math.max(64, Math.min(150, (width / 2) * stepAngle * 0.9, width * 0.22))
    readonly property real tokenH: Math.max(30, Math.min(52, ((height - topY) / 2) * stepAngle * 0.8))
    readonly property real rx: Math.max(40, width / 2 - tokenW / 2 - 6)
    readonly property real ry: Math.max(30, (height - topY) / 2 - tokenH / 2 - 4)
    readonly property real inner: 0.58
    // Locks must not touch their neighbours on the inner ring either.
    readonly property real lockS: Math.max(30, Math.min(64, tokenH * 1.15, inner * ry * stepAngle * 0.8,
                                                        inner * rx * stepAngle * 0.8))
    readonly property bool shortNames: prefix !== "" && tokenW < 104

    // The room this scene needs before Main scales it down.
    readonly property real minimumWidth: threads.length > 6 ? 720 : 560
    readonly property real minimumHeight: threads.length > 6 ? 380 : 300

    function threadPoint(i) {
        const a = -Math.PI / 2 + i * stepAngle
        return Qt.point(cx + rx * Math.cos(a), cy + ry * Math.sin(a))
    }
    // Lock i sits between thread i-1 and thread i: with "thread i takes
    // lock i, then lock i+1" both of a thread's locks are its neighbours.
    function lockPoint(i) {
        const a = -Math.PI / 2 + (i - 0.5) * stepAngle
        return Qt.point(cx + rx * inner * Math.cos(a), cy + ry * inner * Math.sin(a))
    }
    function threadIndex(id) {
        return threads.findIndex(a => a.id === id)
    }
    function lockIndex(id) {
        return locks.findIndex(l => l.id === id)
    }
    // Where the segment from `from` to `to` enters the box of half-size
    // (hw, hh) centred on `to`.
    function clip(from, to, hw, hh) {
        const dx = to.x - from.x
        const dy = to.y - from.y
        const s = Math.max(Math.abs(dx) / hw, Math.abs(dy) / hh, 1e-6)
        return s <= 1 ? to : Qt.point(to.x - dx / s, to.y - dy / s)
    }
    // A segment between two nodes, trimmed to their boxes, with a chevron
    // at its end: [[line], [chevron]].
    function arrow(from, to, fromHalf, toHalf) {
        const a = clip(to, from, fromHalf.w, fromHalf.h)
        const b = clip(from, to, toHalf.w + 3, toHalf.h + 3)
        const angle = Math.atan2(b.y - a.y, b.x - a.x)
        const k = 11
        return [[a, b], [Qt.point(b.x - k * Math.cos(angle - 0.45), b.y - k * Math.sin(angle - 0.45)), b,
                         Qt.point(b.x - k * Math.cos(angle + 0.45), b.y - k * Math.sin(angle + 0.45))]]
    }
    readonly property var threadHalf: ({ w: tokenW / 2, h: tokenH / 2 })
    readonly property var lockHalf: ({ w: lockS * 0.55, h: lockS * 0.55 })

    function inCycle(id) {
        return cycleActors.indexOf(id) >= 0
    }
    function lockInCycle(id) {
        return cycleObjects.indexOf(id) >= 0
    }
    // Edges: holds (lock → owner) and waits (thread → lock), each split by
    // whether it belongs to the cycle.
    function edges(kind, ofCycle) {
        const out = []
        if (kind === "holds") {
            locks.forEach((l, i) => {
                const t = threadIndex(l.owner)
                if (l.owner === 0 || t < 0)
                    return
                if ((inCycle(l.owner) && lockInCycle(l.id)) !== ofCycle)
                    return
                arrow(lockPoint(i), threadPoint(t), lockHalf, threadHalf).forEach(p => out.push(p))
            })
        } else {
            threads.forEach((a, t) => {
                const i = lockIndex(a.object)
                if (a.state !== 1 || i < 0)
                    return
                if ((inCycle(a.id) && lockInCycle(a.object)) !== ofCycle)
                    return
                arrow(threadPoint(t), lockPoint(i), threadHalf, lockHalf).forEach(p => out.push(p))
            })
        }
        return out
    }
    // The cycle as one closed loop: thread, the lock it waits for, that
    // lock's owner, ...
    function ring() {
        const pts = []
        for (let k = 0; k < cycleActors.length; ++k) {
            const t = threadIndex(cycleActors[k])
            const l = lockIndex(cycleObjects[k])
            if (t >= 0)
                pts.push(threadPoint(t))
            if (l >= 0)
                pts.push(lockPoint(l))
        }
        if (pts.length > 0)
            pts.push(pts[0])
        return pts.length > 2 ? [pts] : []
    }

    SceneCaption {
        id: caption
        color: root.looped ? Theme.danger : Theme.text
        text: !root.found && root.looped
              ? (root.cycleActors.length <= 4
                 ? qsTr("Deadlock: %1 each hold a lock the next one wants, in a cycle (the ring). None of them can go on.")
                     .arg(root.cycleNames.join(qsTr(" → ")))
                 : qsTr("Deadlock: all %1 threads hold a lock the next one wants, in a cycle (the ring). None of them can go on.")
                     .arg(root.cycleActors.length))
            : root.found
              ? (root.cycleActors.length <= 4
                 ? qsTr("Deadlock: %1 each hold a lock the next one wants, in a cycle (the ring). None can go on; the engine found it and stopped the run.")
                     .arg(root.cycle.actors.join(qsTr(" → ")))
                 : qsTr("Deadlock: all %1 threads hold a lock the next one wants, in a cycle (the ring). None can go on; the engine stopped the run.")
                     .arg(root.cycleActors.length))
            : root.threads.length > 0 && root.finished === root.threads.length
              ? qsTr("Every thread got both its locks and finished: no wait-for cycle formed.")
            : root.waiting > 0
              ? qsTr("Each thread holds its first lock and reaches for the next: %n thread(s) wait for a lock someone holds.", "", root.waiting)
            : qsTr("Each thread takes its first lock, then reaches for the next.")
    }

    // The ring of the cycle, under everything.
    Shape {
        anchors.fill: parent
        visible: root.looped
        ShapePath {
            strokeColor: Qt.rgba(0.84, 0.37, 0, Theme.dark ? 0.35 : 0.22)
            strokeWidth: Math.max(14, root.tokenH * 0.45)
            joinStyle: ShapePath.RoundJoin
            capStyle: ShapePath.RoundCap
            fillColor: "transparent"
            PathMultiline { paths: root.ring() }
        }
    }
    Shape {
        anchors.fill: parent
        ShapePath {
            strokeColor: Theme.stateColor(0)
            strokeWidth: 3
            fillColor: "transparent"
            PathMultiline { paths: root.edges("holds", false) }
        }
        ShapePath {
            strokeColor: Theme.stateColor(1)
            strokeWidth: 2.5
            strokeStyle: ShapePath.DashLine
            dashPattern: [3, 2]
            fillColor: "transparent"
            PathMultiline { paths: root.edges("waits", false) }
        }
        ShapePath {
            strokeColor: Theme.text
            strokeWidth: 4
            joinStyle: ShapePath.RoundJoin
            fillColor: "transparent"
            PathMultiline { paths: root.edges("holds", true) }
        }
        ShapePath {
            strokeColor: Theme.text
            strokeWidth: 4
            strokeStyle: ShapePath.DashLine
            dashPattern: [2.5, 1.5]
            joinStyle: ShapePath.RoundJoin
            fillColor: "transparent"
            PathMultiline { paths: root.edges("waits", true) }
        }
    }

    Repeater {
        model: root.locks.length
        delegate: Rectangle {
            id: lockNode
            required property int index
            readonly property var lock: root.locks[index] || ({ name: "", owner: 0, id: 0 })
            readonly property point p: root.lockPoint(index)
            readonly property bool held: lock.owner !== 0
            readonly property bool looped: root.lockInCycle(lock.id)
            x: p.x - width / 2
            y: p.y - height / 2
            width: Math.max(root.lockS, lockName.implicitWidth + 10)
            height: root.lockS
            radius: 8
            color: Theme.panel
            border.color: looped ? Theme.text : held ? Theme.stateColor(0) : Theme.border
            border.width: looped ? 3 : 2
            Column {
                anchors.centerIn: parent
                spacing: 2
                Padlock {
                    anchors.horizontalCenter: parent.horizontalCenter
                    height: root.lockS * 0.42
                    locked: lockNode.held
                    tint: lockNode.held ? Theme.text : Theme.subtle
                }
                Label {
                    id: lockName
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: lockNode.lock.name
                    font.bold: true
                    font.pixelSize: Math.max(10, Math.min(Theme.smallFont, Math.round(root.lockS * 0.24)))
                }
            }
            ToolTip.visible: lockHover.hovered
            ToolTip.text: lockNode.held ? qsTr("%1: held by %2").arg(lockNode.lock.name).arg(lockNode.lock.ownerName)
                                        : qsTr("%1: free").arg(lockNode.lock.name)
            HoverHandler { id: lockHover }
        }
    }
    Repeater {
        model: root.threads.length
        delegate: ActorToken {
            required property int index
            readonly property point p: root.threadPoint(index)
            actor: root.threads[index]
            x: p.x - width / 2
            y: p.y - height / 2
            width: root.tokenW
            height: root.tokenH
            label: root.shortNames && actor ? root.prefix.charAt(0) + actor.name.substring(root.prefix.length) : ""
            emphasised: actor !== undefined && root.inCycle(actor.id)
            emphasisColor: Theme.text
            note: actor && actor.state === 1 && actor.objectName !== "" ? qsTr("wants %1").arg(actor.objectName) : ""
        }
    }

    // What the lines mean.
    Column {
        x: 0
        anchors.bottom: parent.bottom
        spacing: 4
        Repeater {
            model: [
                { color: Theme.stateColor(0), dash: false, label: qsTr("holds (lock → owner)") },
                { color: Theme.stateColor(1), dash: true, label: qsTr("waits for (thread → lock)") }
            ]
            delegate: Row {
                id: keyRow
                required property var modelData
                spacing: 6
                Shape {
                    anchors.verticalCenter: parent.verticalCenter
                    width: 30
                    height: 10
                    ShapePath {
                        strokeColor: keyRow.modelData.color
                        strokeWidth: 2.5
                        strokeStyle: keyRow.modelData.dash ? ShapePath.DashLine : ShapePath.SolidLine
                        dashPattern: [3, 2]
                        fillColor: "transparent"
                        startX: 0; startY: 5
                        PathLine { x: 28; y: 5 }
                    }
                }
                Label {
                    text: keyRow.modelData.label
                    color: Theme.subtle
                    font.pixelSize: Theme.smallFont
                }
            }
        }
    }
}
