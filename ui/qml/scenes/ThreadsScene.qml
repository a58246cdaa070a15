import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import ConcurrencyLab

// threading basics: MainThread starts workers and joins them.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var mainThread: scene.actors.find(a => a.name === "MainThread")
    readonly property var workers: scene.actors.filter(a => a.name !== "MainThread")
    readonly property int alive: workers.filter(a => a.started && a.state !== 4).length

    SceneCaption {
        id: caption
        text: root.scene.actors.length === 0 ? ""
            : root.mainThread && root.mainThread.state === 2 && root.mainThread.objectName === ""
              ? qsTr("MainThread waits in join() while %n thread(s) are alive.", "", root.alive)
            : qsTr("%n thread(s) alive besides MainThread.", "", root.alive)
    }

    ActorToken {
        id: mainToken
        visible: root.mainThread !== undefined
        actor: root.mainThread
        anchors.horizontalCenter: parent.horizontalCenter
        y: caption.height + 16
        note: root.mainThread && root.mainThread.state === 2 ? qsTr("join()") : ""
    }

    Row {
        id: workerRow
        anchors.horizontalCenter: parent.horizontalCenter
        y: mainToken.y + mainToken.height + 70
        spacing: 18
        Repeater {
            id: workerTokens
            model: root.workers
            delegate: Column {
                required property var modelData
                spacing: 4
                ActorToken { actor: modelData }
                Label {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: modelData.name === "heartbeat" ? qsTr("daemon") : ""
                    color: Theme.subtle
                    font.pixelSize: Theme.smallFont
                }
            }
        }
    }

    // Lines from MainThread to the threads it started.
    Shape {
        anchors.fill: parent
        visible: root.mainThread !== undefined
        ShapePath {
            strokeColor: Theme.border
            strokeWidth: 1.5
            fillColor: "transparent"
            PathMultiline {
                paths: {
                    const out = []
                    const from = Qt.point(mainToken.x + mainToken.width / 2, mainToken.y + mainToken.height)
                    for (let i = 0; i < workerTokens.count; ++i) {
                        const item = workerTokens.itemAt(i)
                        if (!item)
                            continue
                        out.push([from, Qt.point(workerRow.x + item.x + item.width / 2, workerRow.y)])
                    }
                    return out
                }
            }
        }
    }
}
