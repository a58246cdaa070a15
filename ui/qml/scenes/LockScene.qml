import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import ConcurrencyLab
import "SceneLayout.js" as SceneLayout

// A lock as a gate: its owner inside, the waiters queued in the order they
// arrived (first in line nearest the gate, each with how long it has
// waited), everyone else up top in their own place. Threads walk between
// the three as the cursor moves. Semaphores show their permits; conditions
// and events who sleeps on them and who woke them last.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var gates: scene.objects.filter(o => ["Lock", "RLock", "Semaphore", "BoundedSemaphore",
                                                             "Condition", "Event", "RWLock"].indexOf(o.kind) >= 0)
    readonly property var threads: scene.actors.filter(a => a.name !== "MainThread")

    // The room this scene needs before Main scales it down.
    readonly property real minimumWidth: 640
    readonly property real minimumHeight: threads.length > 8 ? 380 : 320

    function holdersOf(g) {
        if (g.kind === "Semaphore" || g.kind === "BoundedSemaphore" || g.kind === "RWLock") {
            const ids = []
            g.holders.forEach(name => {
                const a = root.threads.find(t => t.name === name)
                if (a)
                    ids.push(a.id)
            })
            if (g.owner !== 0)
                ids.push(g.owner)
            return ids
        }
        return g.owner !== 0 ? [g.owner] : []
    }

    // Where every thread stands, computed once per snapshot: its home spot
    // up top, a place in a gate's queue, or inside a gate.
    readonly property var layout: {
        const n = Math.max(1, threads.length)
        const gap = 10
        const labelH = Theme.smallFont + 8
        const top = caption.height + 6
        const gateW = Math.min(300, Math.max(170, width * 0.26))
        const laneW = Math.max(120, width - gateW - 28)
        const gateCount = Math.max(1, gates.length)
        let tw = 136, th = 52, homeCols = 1, homeRows = 1, laneCols = 1, laneRows = 1, laneH = 0, total = 0
        let rowsAtPref = -1
        // From big (slides) down to small; growing past the preferred
        // size must not wrap into more rows.
        for (let s = 1.6; s >= 0; s -= 0.05) {
            tw = Math.max(84, Math.round(136 * s))
            th = Math.max(30, Math.round(52 * s))
            homeCols = Math.max(1, Math.min(n, Math.floor((width + gap) / (tw + gap))))
            homeRows = Math.ceil(n / homeCols)
            laneCols = Math.max(1, Math.floor((laneW - 16 + gap) / (tw + gap)))
            laneRows = Math.ceil(Math.max(1, n - 1) / laneCols)
            laneH = Math.max(laneRows * (th + gap) - gap + 16, th + 16 + labelH + 10)
            total = labelH + homeRows * (th + gap) + 8 + gateCount * (labelH + laneH + 10)
            if (s > 1.0)
                continue
            if (rowsAtPref < 0)
                rowsAtPref = homeRows + laneRows
            if (top + total <= height)
                break
        }
        // Try the bigger sizes again now that the rows at the preferred size
        // are known.
        for (let s = 1.6; s > 1.0; s -= 0.05) {
            const w = Math.round(136 * s), h = Math.round(52 * s)
            const hc = Math.max(1, Math.min(n, Math.floor((width + gap) / (w + gap))))
            const hr = Math.ceil(n / hc)
            const lc = Math.max(1, Math.floor((laneW - 16 + gap) / (w + gap)))
            const lr = Math.ceil(Math.max(1, n - 1) / lc)
            const lh = Math.max(lr * (h + gap) - gap + 16, h + 16 + labelH + 10)
            const t = labelH + hr * (h + gap) + 8 + gateCount * (labelH + lh + 10)
            if (hr + lr <= rowsAtPref && top + t <= height && tw === 136 && th === 52) {
                tw = w; th = h; homeCols = hc; homeRows = hr; laneCols = lc; laneRows = lr; laneH = lh; total = t
                break
            }
        }
        const out = { tw: tw, th: th, labelH: labelH, top: top, gateW: gateW, laneW: laneW,
                      laneH: laneH, spots: {}, lanes: [], homes: [] }
        const homeW = homeCols * tw + (homeCols - 1) * gap
        out.homeY = top + labelH
        threads.forEach((a, i) => {
            const row = Math.floor(i / homeCols)
            const col = i % homeCols
            out.homes.push({ x: col * (tw + gap), y: out.homeY + row * (th + gap) })
            out.spots[a.id] = { x: col * (tw + gap), y: out.homeY + row * (th + gap), where: "home", note: "" }
        })
        let y = out.homeY + homeRows * (th + gap) + 8
        gates.forEach(g => {
            const lane = { y: y + labelH, gate: g }
            out.lanes.push(lane)
            g.waiters.forEach((w, j) => {
                const row = Math.floor(j / laneCols)
                const col = j % laneCols
                out.spots[w.actor] = { x: laneW - 8 - (col + 1) * (tw + gap) + gap, y: lane.y + 8 + row * (th + gap),
                                       where: "queue",
                                       note: qsTr("#%1 · %2").arg(j + 1).arg(SceneLayout.duration(w.forNs)) }
            })
            const inside = root.holdersOf(g)
            const per = Math.max(1, Math.floor((gateW - 12 + gap) / (tw + gap)))
            inside.forEach((id, j) => {
                const row = Math.floor(j / per)
                const col = j % per
                const cols = Math.min(per, inside.length)
                const rowW = cols * tw + (cols - 1) * gap
                out.spots[id] = { x: width - gateW + (gateW - rowW) / 2 + col * (tw + gap),
                                  y: lane.y + labelH + 10 + row * (th + gap),
                                  where: "inside", note: qsTr("inside, has it") }
            })
            y += labelH + laneH + 10
        })
        return out
    }

    SceneCaption {
        id: caption
        text: {
            const g = root.gates[0]
            if (!g)
                return ""
            if (g.owner !== 0) {
                if (g.waiters.length === 0)
                    return qsTr("%1 holds %2; nobody waits.").arg(g.ownerName).arg(g.name)
                return qsTr("%1 holds %2; %n thread(s) queue at the gate. %3 has waited longest.", "", g.waiters.length)
                    .arg(g.ownerName).arg(g.name).arg(g.waiters[0].name)
            }
            if (g.waiters.length > 0)
                return qsTr("%1 was just released: %2, first in line, gets it next.").arg(g.name).arg(g.waiters[0].name)
            return qsTr("%1 is free: the next thread to call acquire() walks straight in.").arg(g.name)
        }
    }

    Label {
        x: 0
        y: root.layout.homeY - height - 2
        visible: root.threads.length > 0
        text: qsTr("elsewhere: working outside the lock")
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }

    // Each thread's own place while it works outside the lock, drawn empty
    // while it is away.
    Repeater {
        model: root.layout.homes
        delegate: Rectangle {
            required property var modelData
            x: modelData.x
            y: modelData.y
            width: root.layout.tw
            height: root.layout.th
            radius: Math.min(10, height / 4)
            color: "transparent"
            border.color: Theme.border
            border.width: 1
        }
    }

    Repeater {
        model: root.layout.lanes
        delegate: Item {
            id: laneItem
            required property var modelData
            readonly property var gate: modelData.gate
            readonly property bool held: gate.owner !== 0 || gate.holders.length > 0
            y: modelData.y
            width: root.width
            height: root.layout.laneH

            Label {
                x: 0
                y: -height - 2
                text: laneItem.gate.waiters.length > 0
                      ? qsTr("waiting at %1 in arrival order: %n thread(s), first in line nearest the gate", "", laneItem.gate.waiters.length)
                          .arg(laneItem.gate.name)
                      : qsTr("nobody waits at %1").arg(laneItem.gate.name)
                color: laneItem.gate.waiters.length > 0 ? Theme.text : Theme.subtle
                font.pixelSize: Theme.smallFont
            }
            // The queue: a lane leading into the gate.
            Rectangle {
                width: root.layout.laneW
                height: parent.height
                radius: 8
                color: Theme.sunken
                border.color: Theme.border
            }
            Shape {
                x: root.layout.laneW - 2
                y: parent.height / 2 - 10
                width: 24
                height: 20
                ShapePath {
                    strokeColor: "transparent"
                    fillColor: laneItem.gate.waiters.length > 0 ? Theme.stateColor(1) : Theme.border
                    startX: 0; startY: 0
                    PathLine { x: 22; y: 10 }
                    PathLine { x: 0; y: 20 }
                    PathLine { x: 0; y: 0 }
                }
            }
            // The gate.
            Rectangle {
                x: root.width - root.layout.gateW
                width: root.layout.gateW
                height: parent.height
                radius: 12
                color: Theme.panelAlt
                border.width: 4
                border.color: laneItem.held ? Theme.stateColor(0) : Theme.border
                Row {
                    x: 10
                    y: 6
                    spacing: 8
                    Padlock {
                        anchors.verticalCenter: parent.verticalCenter
                        height: Theme.fontSize + 6
                        locked: laneItem.held
                        tint: laneItem.held ? Theme.text : Theme.subtle
                    }
                    Label {
                        anchors.verticalCenter: parent.verticalCenter
                        text: qsTr("%1 %2").arg(laneItem.gate.kind).arg(laneItem.gate.name)
                        font.bold: true
                    }
                    Label {
                        anchors.verticalCenter: parent.verticalCenter
                        visible: laneItem.gate.kind === "Semaphore" || laneItem.gate.kind === "BoundedSemaphore"
                        text: qsTr("%1 of %2 free").arg(laneItem.gate.freePermits).arg(laneItem.gate.capacity)
                        color: Theme.subtle
                    }
                    Label {
                        anchors.verticalCenter: parent.verticalCenter
                        visible: laneItem.gate.kind === "Event"
                        text: laneItem.gate.flag ? qsTr("set") : qsTr("not set")
                        color: Theme.subtle
                    }
                }
                Label {
                    anchors.centerIn: parent
                    anchors.verticalCenterOffset: root.layout.labelH / 2
                    visible: !laneItem.held
                    text: laneItem.gate.kind === "Condition" || laneItem.gate.kind === "Event"
                          ? (laneItem.gate.lastWakerName ? qsTr("last woken by %1").arg(laneItem.gate.lastWakerName) : "")
                          : qsTr("free")
                    color: Theme.subtle
                    font.pixelSize: Theme.fontSize
                }
            }
        }
    }

    // Every thread, in one place at a time.
    Repeater {
        model: root.threads.length
        delegate: ActorToken {
            required property int index
            readonly property var spot: actor ? root.layout.spots[actor.id] : undefined
            actor: root.threads[index]
            x: spot ? spot.x : 0
            y: spot ? spot.y : 0
            width: root.layout.tw
            height: root.layout.th
            note: spot ? spot.note : ""
            z: spot && spot.where !== "home" ? 2 : 1
        }
    }
}
