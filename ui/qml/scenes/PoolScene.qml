import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConcurrencyLab

// ThreadPoolExecutor: the task queue as a conveyor, tasks moving into
// workers, and finished futures with their results.
Item {
    id: root

    required property SceneModel scene
    required property RunController controller

    readonly property var pool: scene.objects.filter(o => o.kind === "Pool")[0]
    readonly property var workers: scene.actors.filter(a => a.name.indexOf("ThreadPoolExecutor") === 0)

    function taskOf(worker) {
        if (!root.pool)
            return undefined
        return root.pool.runningTasks.find(t => t.worker === worker.id)
    }

    SceneCaption {
        id: caption
        text: !root.pool ? ""
            : qsTr("%1 queued, %2 running on %3 workers, %4 done.").arg(root.pool.queuedTasks.length)
              .arg(root.pool.runningTasks.length).arg(root.workers.length).arg(root.pool.finishedCount)
    }

    RowLayout {
        anchors.top: caption.bottom
        anchors.topMargin: 14
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        spacing: 20

        // The queue: the next task is at the right, nearest the workers.
        ColumnLayout {
            Layout.preferredWidth: parent.width * 0.3
            Layout.fillHeight: true
            Label {
                text: qsTr("queue (submit)")
                color: Theme.subtle
            }
            Flow {
                Layout.fillWidth: true
                Layout.fillHeight: true
                layoutDirection: Qt.RightToLeft
                spacing: 4
                clip: true
                Repeater {
                    model: root.pool ? root.pool.queuedTasks : []
                    delegate: Rectangle {
                        required property var modelData
                        width: 44
                        height: 26
                        radius: 5
                        color: Theme.panelAlt
                        border.color: "#CC79A7"
                        Label {
                            anchors.centerIn: parent
                            text: "#" + modelData.id
                            font.pixelSize: Theme.smallFont
                        }
                    }
                }
            }
        }

        // Workers: busy ones show their task.
        ColumnLayout {
            Layout.preferredWidth: parent.width * 0.34
            Layout.fillHeight: true
            Label {
                text: qsTr("workers")
                color: Theme.subtle
            }
            Repeater {
                model: root.workers
                delegate: RowLayout {
                    required property var modelData
                    readonly property var task: root.taskOf(modelData)
                    spacing: 8
                    ActorToken {
                        actor: modelData
                        note: task ? qsTr("task #%1").arg(task.id) : qsTr("idle")
                    }
                    Label {
                        text: task ? qsTr("running #%1").arg(task.id) : qsTr("waiting for work")
                        color: task ? Theme.text : Theme.subtle
                    }
                }
            }
        }

        // Finished futures, newest at the top.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Label {
                text: qsTr("done futures: result()")
                color: Theme.subtle
            }
            Flow {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 4
                clip: true
                Repeater {
                    model: root.pool ? root.pool.finishedTasks.slice().reverse() : []
                    delegate: Rectangle {
                        required property var modelData
                        width: 86
                        height: 26
                        radius: 13
                        color: modelData.ok ? StatePalette.color(0) : Theme.danger
                        Label {
                            anchors.centerIn: parent
                            text: modelData.hasResult ? "#" + modelData.id + " → " + modelData.result
                                                      : "#" + modelData.id + (modelData.ok ? " ✓" : " ✗")
                            color: "#ffffff"
                            font.pixelSize: Theme.smallFont
                        }
                        ToolTip.visible: hover.hovered
                        ToolTip.text: qsTr("task #%1 ran on %2").arg(modelData.id).arg(modelData.workerName)
                        HoverHandler { id: hover }
                    }
                }
            }
        }
    }
}
