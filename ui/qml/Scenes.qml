pragma Singleton
import QtQml

// Which QML file draws each scene. Adding a scene is one file under
// scenes/ and one line here; a scenario names its scene by id.
QtObject {
    readonly property var registry: ({
        "threads": "scenes/ThreadsScene.qml",
        "race": "scenes/RaceScene.qml",
        "lock": "scenes/LockScene.qml",
        "pool": "scenes/PoolScene.qml",
        "queue": "scenes/QueueScene.qml",
        "deadlock": "scenes/DeadlockScene.qml",
        "gil": "scenes/GilScene.qml",
        "gilchart": "scenes/GilChartScene.qml",
        "loop": "scenes/LoopScene.qml",
        "process": "scenes/ProcessScene.qml"
    })
    // States the legend adds for a scene, beyond the five every scene has
    // (ActorState: 5 waiting for the GIL, 6 ready to run).
    readonly property var legendStates: ({
        "gil": [5],
        "gilchart": [5],
        "loop": [6],
        "process": [5, 6]
    })

    function url(scene) {
        return registry[scene] ? Qt.resolvedUrl(registry[scene]) : ""
    }
    function extraStates(scene) {
        return legendStates[scene] || []
    }
}
