import QtQuick
import ConcurrencyLab

// Drives the time cursor. Real runs are often over in milliseconds, so the
// recorded trace is replayed at a time scale: so many nanoseconds of the run
// per second of animation, chosen so the whole run takes about
// targetSeconds, then multiplied by the speed the user picks.
Item {
    id: clock

    required property TraceSession session
    property bool live: false       // follows a run while it is recorded
    property bool playing: false
    property real cursorNs: 0
    property real speed: 1.0
    property real targetSeconds: 5

    readonly property real startNs: session.eventCount > 0 ? session.startNs : 0
    readonly property real endNs: session.eventCount > 0 ? session.endNs : 0
    readonly property real durationNs: Math.max(0, endNs - startNs)
    readonly property real nsPerSecond: Math.max(1, durationNs / targetSeconds) * speed
    readonly property real progress: durationNs > 0 ? (cursorNs - startNs) / durationNs : 0

    function followLive() {
        live = true
        playing = false
    }
    function finishRun() {
        live = false
        cursorNs = startNs
        playing = true
    }
    function togglePlay() {
        if (live)
            return
        if (!playing && cursorNs >= endNs)
            cursorNs = startNs
        playing = !playing
    }
    function seek(ns) {
        live = false
        playing = false
        cursorNs = Math.max(startNs, Math.min(endNs, ns))
    }
    function stop() {
        live = false
        playing = false
    }

    Timer {
        id: ticker
        property double last: 0
        interval: 16
        repeat: true
        running: clock.playing || clock.live
        onRunningChanged: last = Date.now()
        onTriggered: {
            const now = Date.now()
            const dt = Math.min(0.1, (now - last) / 1000)
            last = now
            if (clock.live) {
                clock.cursorNs = clock.endNs
                return
            }
            const next = clock.cursorNs + dt * clock.nsPerSecond
            if (next >= clock.endNs) {
                clock.cursorNs = clock.endNs
                clock.playing = false
            } else {
                clock.cursorNs = next
            }
        }
    }
}
