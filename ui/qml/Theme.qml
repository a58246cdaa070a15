pragma Singleton
import QtQuick
import ConcurrencyLab

// Colours and sizes of the chrome. State colours come from StatePalette,
// so the scenes, the legend and the lanes always agree.
QtObject {
    property bool dark: AppSettings.dark
    // Slides: large type for a projector; Main turns it on for big windows
    // (1920x1080 exports included).
    property bool slide: false
    // Scenes animate moves between cursor positions; the headless exporter
    // turns this off so a picture never catches a move half way.
    property bool animate: true

    readonly property color window: dark ? "#1c1d20" : "#f4f4f1"
    readonly property color panel: dark ? "#25272b" : "#ffffff"
    readonly property color panelAlt: dark ? "#2b2e33" : "#f8f8f6"
    readonly property color sunken: dark ? "#1f2124" : "#efefeb"
    readonly property color text: dark ? "#e9e9e9" : "#1d1d1f"
    readonly property color subtle: dark ? "#a0a4aa" : "#5f6368"
    readonly property color border: dark ? "#4a4e55" : "#cfcfc9"
    readonly property color accent: dark ? "#56B4E9" : "#0072B2"
    readonly property color danger: dark ? "#ff7a3d" : "#D55E00"
    readonly property color dangerWash: dark ? "#4a2a1c" : "#fbe6d9"
    readonly property color good: "#009E73"
    readonly property color cursor: dark ? "#F0E442" : "#0072B2"
    // Things that are not threads: queue items (as the put → get arrows in
    // the lanes) and pool tasks (as the submit → worker arrows).
    readonly property color item: "#0072B2"
    readonly property color task: "#CC79A7"
    readonly property color taskInk: "#ffffff"

    readonly property int fontSize: slide ? 16 : 13
    readonly property int smallFont: slide ? 14 : 11
    readonly property int titleFont: slide ? 24 : 17
    readonly property int captionFont: slide ? 21 : 15
    readonly property int laneHeight: slide ? 30 : 24
    readonly property int spacing: 8
    // How long a move in a scene takes: brisk while a replay plays (events
    // come fast), slower when the user steps or scrubs.
    property int moveMs: 260

    // A thread state's colour. Reading StatePalette.dark here makes every
    // binding that calls this follow a theme switch.
    function stateColor(state) {
        return StatePalette.dark ? StatePalette.color(state) : StatePalette.color(state)
    }
    // Ink that reads on a state's colour.
    function stateInk(state) {
        return state === 6 ? "#ffffff" : "#111111"
    }
}
