#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

namespace clab {

// A picture of a run without a screen: the main window is loaded offscreen,
// the scenario runs for real, the cursor is put at a moment of the run, and
// the window (or one view of it) is saved as a PNG.
struct SnapshotRequest {
    QString scenario;
    QStringList assignments;      // NAME=VALUE
    quint64 seed = 1;
    QString pngPath;              // empty: no picture
    QString tracePath;            // empty: no trace
    QSize size{1600, 1000};
    bool dark = false;
    QString view = QStringLiteral("window"); // window, scene or timeline
    double at = 1.0;              // where the cursor goes, as a fraction of the run
};

struct SnapshotResult {
    int exitCode = 0;             // 0 ok, 1 could not write, 2 bad request
    QString error;
    QString summaryJson;          // the run's --summary object
};

// Needs a QGuiApplication (any platform; offscreen works).
SnapshotResult takeSnapshot(const SnapshotRequest &request);

} // namespace clab
