import QtQuick
import QtQuick.Controls
import ConcurrencyLab

// One sentence saying what the scene shows at the cursor.
Label {
    wrapMode: Text.Wrap
    font.pixelSize: Theme.titleFont - 2
    color: Theme.text
    width: parent ? parent.width : implicitWidth
}
