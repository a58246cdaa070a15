import QtQuick
import QtQuick.Controls
import ConcurrencyLab

// One sentence saying what the scene shows at the cursor.
Label {
    wrapMode: Text.Wrap
    maximumLineCount: 2
    elide: Text.ElideRight
    font.pixelSize: Theme.captionFont
    color: Theme.text
    width: parent ? parent.width : implicitWidth
    // Keep the space of one line even while empty, so the scene below does
    // not jump when the caption appears.
    height: Math.max(implicitHeight, fontInfo.pixelSize * 1.4)
    verticalAlignment: Text.AlignTop
}
