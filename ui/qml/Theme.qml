pragma Singleton
import QtQuick
import ConcurrencyLab

// Colours and sizes of the chrome. State colours come from StatePalette,
// so the scenes, the legend and the lanes always agree.
QtObject {
    property bool dark: AppSettings.dark
    // Slides: light, large type, no chrome.
    property bool slide: false

    readonly property color window: dark ? "#1c1d20" : "#f4f4f1"
    readonly property color panel: dark ? "#25272b" : "#ffffff"
    readonly property color panelAlt: dark ? "#2b2e33" : "#f8f8f6"
    readonly property color text: dark ? "#e9e9e9" : "#1d1d1f"
    readonly property color subtle: dark ? "#a0a4aa" : "#5f6368"
    readonly property color border: dark ? "#3b3e44" : "#d7d7d2"
    readonly property color accent: dark ? "#56B4E9" : "#0072B2"
    readonly property color danger: "#D55E00"
    readonly property color good: "#009E73"
    readonly property color cursor: dark ? "#F0E442" : "#0072B2"

    readonly property int fontSize: slide ? 16 : 13
    readonly property int smallFont: slide ? 14 : 11
    readonly property int titleFont: slide ? 24 : 17
    readonly property int laneHeight: slide ? 30 : 24
    readonly property int spacing: 8
}
