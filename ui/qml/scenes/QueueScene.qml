import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import ConcurrencyLab
import "SceneLayout.js" as SceneLayout

// Producers → a bounded buffer → consumers. Items enter the buffer at the
// left and leave, oldest first, at the right. A full buffer blocks the
// producers that want to put(), an empty one the consumers that want to
// get(); blocked threads' arrows turn dashed.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var queue: scene.objects.find(o => o.kind === "Queue")
    readonly property var producers: scene.actors.filter(a => a.name.indexOf("Producer") === 0)
    readonly property var consumers: scene.actors.filter(a => a.name.indexOf("Consumer") === 0)
    readonly property var mainThread: scene.actors.find(a => a.name === "MainThread")
    readonly property int used: queue ? queue.items.length : 0
    readonly property int slots: queue ? Math.max(queue.capacity, used) : 0
    readonly property bool full: queue !== undefined && queue.capacity > 0 && used >= queue.capacity
    readonly property bool empty: queue !== undefined && used === 0
    readonly property int blockedProducers: producers.filter(a => blockedOnQueue(a)).length
    readonly property int blockedConsumers: consumers.filter(a => blockedOnQueue(a)).length

    // The room this scene needs before Main scales it down.
    readonly property real minimumWidth: 640
    readonly property real minimumHeight: Math.max(producers.length, consumers.length) > 5 ? 380 : 320

    function blockedOnQueue(a) {
        return a !== undefined && root.queue !== undefined && a.object === root.queue.id && a.state !== 0 && a.state !== 4
    }
    function holding(a) {
        return a !== undefined && a.lastItemOp === "get" && a.started && a.state !== 4 && !blockedOnQueue(a)
    }

    // Geometry.
    readonly property real gap: 8
    readonly property real labelH: Theme.smallFont + 8
    readonly property real topY: caption.height + 6 + labelH
    readonly property real bottomH: mainThread ? Math.max(34, Math.min(48, height * 0.11)) + 8 : 0
    readonly property real sideW: Math.min(250, Math.max(120, width * 0.22))
    readonly property real colH: height - topY - bottomH
    readonly property var prodGrid: SceneLayout.grid(producers.length, sideW, colH, { w: 220, h: 52 }, { w: 100, h: 30 }, gap, 1.4)
    readonly property var consGrid: SceneLayout.grid(consumers.length, sideW, colH, { w: 220, h: 52 }, { w: 100, h: 30 }, gap, 1.4)
    readonly property real bufX: sideW + 56
    readonly property real bufW: Math.max(60, width - 2 * sideW - 112)
    readonly property int shownSlots: Math.max(1, Math.min(slots, Math.floor((bufW + 4) / (30 + 4))))
    readonly property real slotS: Math.max(24, Math.min(66, (bufW - (shownSlots - 1) * 4) / shownSlots, colH * 0.4))
    readonly property real rowW: shownSlots * slotS + (shownSlots - 1) * 4
    readonly property real rowX: bufX + (bufW - rowW) / 2
    readonly property real rowY: topY + (colH - slotS) / 2
    readonly property real handW: 34

    function prodCell(i) {
        const g = prodGrid
        const c = SceneLayout.cell(g, i, 0, 0, sideW)
        return { x: c.x, y: topY + (colH - g.height) / 2 + c.y }
    }
    function consCell(i) {
        const g = consGrid
        const c = SceneLayout.cell(g, i, width - sideW, 0, sideW)
        return { x: c.x, y: topY + (colH - g.height) / 2 + c.y }
    }
    // Slot k from the right: k = 0 holds the oldest item, the next to leave.
    function slotX(k) {
        return rowX + rowW - (k + 1) * slotS - k * 4
    }

    KeyedModel { id: chips }
    function chipRows() {
        const rows = []
        if (!queue)
            return rows
        const n = Math.min(queue.items.length, shownSlots)
        for (let k = 0; k < n; ++k)
            rows.push({ key: queue.items[k], px: slotX(k) + 4, py: rowY + 4, ps: slotS - 8, where: "buffer" })
        // The item a consumer took and works on now.
        consumers.forEach((a, i) => {
            if (!holding(a))
                return
            const c = consCell(i)
            const s = Math.min(slotS - 8, consGrid.h - 8)
            rows.push({ key: a.lastItem, px: c.x - s - 6, py: c.y + (consGrid.h - s) / 2, ps: s, where: "hand" })
        })
        return rows
    }
    function refresh() {
        chips.sync(chipRows())
    }
    Connections {
        target: root.scene
        function onSnapshotChanged() { root.refresh() }
    }
    onWidthChanged: refresh()
    onHeightChanged: refresh()
    Component.onCompleted: refresh()

    SceneCaption {
        id: caption
        color: root.full && root.blockedProducers > 0 || root.empty && root.blockedConsumers > 0 ? Theme.danger : Theme.text
        text: !root.queue ? ""
            : root.full && root.blockedProducers > 0
              ? qsTr("The buffer is full: %n producer(s) block in put() until a consumer takes an item.", "", root.blockedProducers)
            : root.full ? qsTr("The buffer is full: the next put() will block.")
            : root.empty && root.blockedConsumers > 0
              ? qsTr("The buffer is empty: %n consumer(s) block in get() until a producer puts an item.", "", root.blockedConsumers)
            : root.empty ? qsTr("The buffer is empty: the next get() will block.")
            : qsTr("%1 of %2 slots in use: producers and consumers both go on without waiting.")
                .arg(root.used).arg(root.queue.capacity)
    }

    Label {
        x: 0
        y: root.topY - height - 2
        text: qsTr("producers: put()")
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }
    Label {
        x: root.width - root.sideW
        y: root.topY - height - 2
        text: qsTr("consumers: get()")
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }

    // Arrows: producers into the buffer, the buffer out to consumers.
    Shape {
        anchors.fill: parent
        ShapePath {
            strokeColor: Theme.border
            strokeWidth: 2
            fillColor: "transparent"
            PathMultiline {
                paths: {
                    const out = []
                    const inlet = Qt.point(root.rowX - 8, root.rowY + root.slotS / 2)
                    const outlet = Qt.point(root.rowX + root.rowW + 8, root.rowY + root.slotS / 2)
                    root.producers.forEach((a, i) => {
                        if (a.state !== 4 && !root.blockedOnQueue(a)) {
                            const c = root.prodCell(i)
                            out.push([Qt.point(c.x + root.prodGrid.w, c.y + root.prodGrid.h / 2), inlet])
                        }
                    })
                    root.consumers.forEach((a, i) => {
                        if (a.state !== 4 && !root.blockedOnQueue(a)) {
                            const c = root.consCell(i)
                            out.push([outlet, Qt.point(c.x - root.handW - 4, c.y + root.consGrid.h / 2)])
                        }
                    })
                    return out
                }
            }
        }
        ShapePath {
            strokeColor: Theme.stateColor(2)
            strokeWidth: 3
            strokeStyle: ShapePath.DashLine
            dashPattern: [3, 2]
            fillColor: "transparent"
            PathMultiline {
                paths: {
                    const out = []
                    const inlet = Qt.point(root.rowX - 8, root.rowY + root.slotS / 2)
                    const outlet = Qt.point(root.rowX + root.rowW + 8, root.rowY + root.slotS / 2)
                    root.producers.forEach((a, i) => {
                        if (root.blockedOnQueue(a)) {
                            const c = root.prodCell(i)
                            out.push([Qt.point(c.x + root.prodGrid.w, c.y + root.prodGrid.h / 2), inlet])
                        }
                    })
                    root.consumers.forEach((a, i) => {
                        if (root.blockedOnQueue(a)) {
                            const c = root.consCell(i)
                            out.push([outlet, Qt.point(c.x - 4, c.y + root.consGrid.h / 2)])
                        }
                    })
                    return out
                }
            }
        }
    }

    // The buffer.
    Rectangle {
        x: root.rowX - 10
        y: root.rowY - 10
        width: root.rowW + 20
        height: root.slotS + 20
        radius: 10
        color: root.full ? Theme.dangerWash : Theme.sunken
        border.color: root.full ? Theme.danger : Theme.border
        border.width: root.full ? 3 : 1
        Label {
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: parent.top
            anchors.bottomMargin: 4
            text: root.queue ? qsTr("%1 (maxsize %2): %3 in it").arg(root.queue.name).arg(root.queue.capacity).arg(root.used) : ""
            font.bold: true
            color: root.full ? Theme.danger : Theme.text
        }
        Label {
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.top: parent.bottom
            anchors.topMargin: 4
            width: Math.max(parent.width, 200)
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: root.shownSlots < root.slots
                  ? qsTr("in at the left, out at the right, oldest first (first %1 of %2 slots shown)")
                      .arg(root.shownSlots).arg(root.slots)
                  : qsTr("in at the left, out at the right, oldest first")
            color: Theme.subtle
            font.pixelSize: Theme.smallFont
        }
    }
    Repeater {
        model: root.shownSlots
        delegate: Rectangle {
            required property int index
            x: root.slotX(index)
            y: root.rowY
            width: root.slotS
            height: root.slotS
            radius: 6
            color: Theme.panel
            border.color: Theme.border
            border.width: 1
        }
    }
    Label {
        visible: root.queue !== undefined
        anchors.horizontalCenter: parent.horizontalCenter
        y: root.rowY + root.slotS + 44
        text: root.queue ? qsTr("unfinished: %1 (put, not yet task_done)").arg(root.queue.unfinished) : ""
        color: Theme.subtle
        font.pixelSize: Theme.smallFont
    }

    Repeater {
        model: root.producers.length
        delegate: ActorToken {
            required property int index
            readonly property var c: root.prodCell(index)
            actor: root.producers[index]
            x: c.x
            y: c.y
            width: root.prodGrid.w
            height: root.prodGrid.h
            emphasised: root.blockedOnQueue(actor)
            emphasisColor: Theme.danger
            note: !actor || !actor.started || actor.state === 4 ? ""
                : root.blockedOnQueue(actor) ? qsTr("blocked: full %1").arg(SceneLayout.duration(actor.forNs))
                : actor.state === 3 ? qsTr("making an item")
                : actor.lastItemOp === "put" ? qsTr("put item %1").arg(actor.lastItem)
                : ""
        }
    }
    Repeater {
        model: root.consumers.length
        delegate: ActorToken {
            required property int index
            readonly property var c: root.consCell(index)
            actor: root.consumers[index]
            x: c.x
            y: c.y
            width: root.consGrid.w
            height: root.consGrid.h
            emphasised: root.blockedOnQueue(actor)
            emphasisColor: Theme.danger
            note: !actor || !actor.started || actor.state === 4 ? ""
                : root.blockedOnQueue(actor) ? qsTr("blocked: empty %1").arg(SceneLayout.duration(actor.forNs))
                : root.holding(actor) ? qsTr("handling item %1").arg(actor.lastItem)
                : ""
        }
    }
    ActorToken {
        visible: root.mainThread !== undefined
        actor: root.mainThread
        width: Math.min(360, root.width * 0.4)
        height: root.bottomH - 8
        x: (root.width - width) / 2
        y: root.height - height
        note: !root.mainThread || !root.mainThread.started ? ""
            : root.mainThread.reason === "queue" ? qsTr("in %1.join(): waits until unfinished is 0").arg(root.queue ? root.queue.name : "")
            : root.mainThread.reason === "join" ? qsTr("joins %1").arg(root.mainThread.awaitedName)
            : ""
    }

    // Items, travelling from slot to slot and out to a consumer.
    Repeater {
        model: chips
        delegate: Rectangle {
            id: chip
            required property int key
            required property real px
            required property real py
            required property real ps
            required property string where
            x: px
            y: py
            width: ps
            height: ps
            radius: 5
            z: 5
            color: Theme.item
            Behavior on x {
                enabled: Theme.animate
                NumberAnimation { duration: Theme.moveMs; easing.type: Easing.InOutCubic }
            }
            Behavior on y {
                enabled: Theme.animate
                NumberAnimation { duration: Theme.moveMs; easing.type: Easing.InOutCubic }
            }
            Column {
                anchors.centerIn: parent
                Label {
                    anchors.horizontalCenter: parent.horizontalCenter
                    visible: chip.ps >= 40
                    text: qsTr("item")
                    color: "#ffffff"
                    font.pixelSize: Theme.smallFont - 1
                }
                Label {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: chip.key
                    color: "#ffffff"
                    font.bold: true
                    font.pixelSize: Math.max(10, Math.min(Theme.fontSize + 2, Math.round(chip.ps * 0.36)))
                }
            }
        }
    }
}
