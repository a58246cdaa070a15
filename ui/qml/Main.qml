import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConcurrencyLab

ApplicationWindow {
    id: window

    // Set by the headless exporter: no animation, no saved geometry, and
    // the theme it asks for (exportDark) rather than the saved one.
    property bool headless: false
    property bool exportDark: false
    readonly property alias controller: controller
    readonly property alias sceneModel: sceneModel
    readonly property alias viewport: viewport
    readonly property alias replay: replay

    width: 1440
    height: 900
    minimumWidth: 980
    minimumHeight: 620
    visible: !headless
    title: controller.title ? qsTr("Concurrency Lab — %1").arg(controller.title) : qsTr("Concurrency Lab")
    color: Theme.window
    palette.window: Theme.window
    palette.base: Theme.panel
    palette.alternateBase: Theme.panelAlt
    palette.text: Theme.text
    palette.windowText: Theme.text
    palette.buttonText: Theme.text
    palette.button: Theme.panelAlt
    palette.mid: Theme.border
    palette.highlight: Theme.accent
    palette.highlightedText: "#ffffff"
    palette.toolTipBase: Theme.panel
    palette.toolTipText: Theme.text
    palette.placeholderText: Theme.subtle
    font.pixelSize: Theme.fontSize

    RunController {
        id: controller
        scenarioId: AppSettings.lastScenario
        onScenarioIdChanged: AppSettings.lastScenario = scenarioId
        onStarted: replay.followLive()
        onFinished: {
            viewport.fit(controller.session.startNs, controller.session.endNs)
            if (window.headless)
                replay.seek(replay.endNs)
            else
                replay.finishRun()
        }
    }
    SceneModel {
        id: sceneModel
        session: controller.session
        cursorNs: replay.cursorNs
    }
    TimelineViewport {
        id: viewport
        baseNs: controller.session.eventCount > 0 ? controller.session.startNs : 0
    }
    ReplayClock {
        id: replay
        session: controller.session
    }
    Binding {
        target: StatePalette
        property: "dark"
        value: Theme.dark
    }
    Binding {
        target: Theme
        property: "dark"
        value: window.exportDark
        when: window.headless
    }
    // Pictures are taken at once after a seek: no moves in flight.
    Binding {
        target: Theme
        property: "animate"
        value: !window.headless
    }
    Binding {
        target: Theme
        property: "moveMs"
        value: replay.playing || controller.running ? 120 : 260
    }
    // A big window (a projector, a 1920x1080 export for slides) gets big type.
    Binding {
        target: Theme
        property: "slide"
        value: window.width >= 1800 && window.height >= 1000
    }
    // While a run is live the timeline keeps the whole run in view.
    Connections {
        target: controller.session
        function onGrew() {
            if (controller.running)
                viewport.fit(controller.session.startNs, controller.session.endNs)
        }
    }

    function runOrPause() {
        if (controller.running)
            return
        if (controller.hasResult && replay.endNs > replay.startNs)
            replay.togglePlay()
        else
            controller.run()
    }
    function stopAll() {
        controller.stop()
        replay.stop()
    }
    function resetAll() {
        replay.stop()
        controller.reset()
        replay.cursorNs = 0
    }
    function fitTimeline() {
        if (controller.session.eventCount > 0)
            viewport.fit(controller.session.startNs, controller.session.endNs)
    }
    function stepEvent(forward) {
        replay.seek(forward ? sceneModel.nextEventNs(replay.cursorNs) : sceneModel.previousEventNs(replay.cursorNs))
    }

    header: AppToolBar {
        controller: controller
        replay: replay
        onRunOrPause: window.runOrPause()
        onStopRequested: window.stopAll()
        onResetRequested: window.resetAll()
        onFitRequested: window.fitTimeline()
        onRunRequested: controller.run()
        onShortcutsRequested: shortcutsSheet.open()
        onExportPngRequested: exportPicture()
        onExportTraceRequested: exportTrace()
    }

    SplitView {
        anchors.fill: parent
        orientation: Qt.Horizontal

        CatalogPane {
            SplitView.preferredWidth: Math.round(Math.max(180, Math.min(Theme.slide ? 300 : 250, window.width * 0.18)))
            SplitView.minimumWidth: 170
            currentId: controller.scenarioId
            enabled: !controller.running
            onPicked: id => {
                window.resetAll()
                controller.scenarioId = id
            }
        }

        SplitView {
            SplitView.fillWidth: true
            orientation: Qt.Vertical

            Rectangle {
                id: sceneArea
                objectName: "sceneArea"
                SplitView.preferredHeight: window.height * 0.46
                SplitView.minimumHeight: 200
                color: Theme.panel
                clip: true

                // The scene lays itself out in at least the room it asks for
                // (minimumWidth/minimumHeight on its root, if it has them);
                // in a smaller window it is drawn scaled down as a whole
                // rather than overlapping itself.
                Item {
                    id: stage
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    readonly property var scene: sceneLoader.item
                    readonly property real needW: scene && scene.minimumWidth !== undefined ? scene.minimumWidth : 640
                    readonly property real needH: scene && scene.minimumHeight !== undefined ? scene.minimumHeight : 320
                    readonly property real fit: Math.min(1, width / needW, height / needH)
                    // Scaling text by a hair blurs it: only scale for real.
                    readonly property real zoom: fit > 0.94 ? 1 : fit
                }
                Loader {
                    id: sceneLoader
                    x: stage.x
                    y: stage.y
                    width: stage.width / stage.zoom
                    height: stage.height / stage.zoom
                    scale: stage.zoom
                    transformOrigin: Item.TopLeft
                    function reload() {
                        const url = Scenes.url(controller.scene)
                        if (url === "")
                            sourceComponent = undefined
                        else
                            setSource(url, { scene: sceneModel, controller: controller })
                    }
                    Connections {
                        target: controller
                        function onScenarioChanged() { sceneLoader.reload() }
                    }
                    Component.onCompleted: reload()
                }
                Label {
                    anchors.centerIn: parent
                    visible: controller.session.eventCount === 0 && !controller.running
                    text: qsTr("Press Run (Space) to start %1 on real threads.").arg(controller.title)
                    color: Theme.subtle
                    font.pixelSize: Theme.titleFont
                }
            }

            ColumnLayout {
                SplitView.fillHeight: true
                spacing: 0

                ReplayBar {
                    Layout.fillWidth: true
                    replay: replay
                    viewport: viewport
                    sceneModel: sceneModel
                    onStepRequested: forward => window.stepEvent(forward)
                }
                TimelinePane {
                    id: timeline
                    objectName: "timelineArea"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    session: controller.session
                    viewport: viewport
                    replay: replay
                }
                DetailsBar {
                    Layout.fillWidth: true
                    selection: timeline.selection
                    onCleared: timeline.clearSelection()
                }
                Legend {
                    Layout.fillWidth: true
                    extraStates: Scenes.extraStates(controller.scene)
                }
            }
        }

        ScrollView {
            SplitView.preferredWidth: Math.round(Math.max(260, Math.min(Theme.slide ? 380 : 320, window.width * 0.24)))
            SplitView.minimumWidth: 240
            contentWidth: availableWidth
            ColumnLayout {
                width: parent.width
                spacing: Theme.spacing
                ParameterPane {
                    Layout.fillWidth: true
                    controller: controller
                }
                MetricsPane {
                    Layout.fillWidth: true
                    controller: controller
                }
            }
        }
    }

    ShortcutsSheet {
        id: shortcutsSheet
    }

    Shortcut { sequence: "Space"; onActivated: window.runOrPause() }
    Shortcut { sequence: "Esc"; onActivated: window.stopAll() }
    Shortcut { sequence: "F"; onActivated: window.fitTimeline() }
    Shortcut { sequence: "Right"; onActivated: window.stepEvent(true) }
    Shortcut { sequence: "Left"; onActivated: window.stepEvent(false) }
    Shortcut { sequence: "Ctrl+R"; onActivated: controller.run() }
    Shortcut { sequence: "Ctrl+Backspace"; onActivated: window.resetAll() }
    Shortcut { sequence: "Ctrl+T"; onActivated: AppSettings.dark = !AppSettings.dark }
    Shortcut { sequence: "Ctrl+E"; onActivated: window.exportPicture() }
    Shortcut { sequence: "Ctrl+Shift+E"; onActivated: window.exportTrace() }
    Shortcut { sequence: "F1"; onActivated: shortcutsSheet.open() }
    Shortcut { sequence: "+"; onActivated: viewport.zoomAt(viewport.width / 2, 1.5) }
    Shortcut { sequence: "-"; onActivated: viewport.zoomAt(viewport.width / 2, 1 / 1.5) }
    Shortcut { sequence: "]"; onActivated: replay.speed = Math.min(16, replay.speed * 2) }
    Shortcut { sequence: "["; onActivated: replay.speed = Math.max(1 / 16, replay.speed / 2) }

    function exportPicture() {
        const path = Exporter.defaultFolder() + "/" + controller.scenarioId + ".png"
        if (Exporter.saveWindowPng(window, path))
            toast.show(qsTr("Saved the window to %1").arg(path))
        else
            toast.show(Exporter.lastError)
    }
    function exportTrace() {
        const path = Exporter.defaultFolder() + "/" + controller.scenarioId + ".trace.json"
        if (Exporter.saveTraceJson(controller.session, path))
            toast.show(qsTr("Saved the trace to %1 (open it in ui.perfetto.dev)").arg(path))
        else
            toast.show(Exporter.lastError)
    }

    ToolTip {
        id: toast
        function show(message) {
            text = message
            open()
        }
        x: (window.width - width) / 2
        y: window.height - height - 40
        timeout: 4000
    }

    Component.onCompleted: {
        if (headless)
            return
        const g = AppSettings.windowGeometry
        if (g.width > 200 && g.height > 200) {
            window.x = g.x
            window.y = g.y
            window.width = g.width
            window.height = g.height
        }
    }
    onClosing: {
        if (!headless)
            AppSettings.windowGeometry = Qt.rect(window.x, window.y, window.width, window.height)
        controller.stop()
    }
}
