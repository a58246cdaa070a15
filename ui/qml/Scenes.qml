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
        "deadlock": "scenes/DeadlockScene.qml"
    })

    function url(scene) {
        return registry[scene] ? Qt.resolvedUrl(registry[scene]) : ""
    }
}
