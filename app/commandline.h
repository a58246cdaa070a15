#pragma once

#include <QStringList>

class QQuickWindow;

namespace clab::cli {

enum class Mode {
    Engine,   // list, describe or run a scenario: no GUI at all
    Picture,  // run a scenario and save a picture of it: GUI, offscreen
    Window,   // open the app
};

// What the arguments ask for. With no display and no arguments, `make run`
// still shows something: the default lesson, as a picture.
Mode modeFor(const QStringList &arguments);

// The value of --lang (en, zh_CN, …), empty when not given.
QString languageFrom(const QStringList &arguments);

// --list-scenarios, --describe and --scenario (with --export-png when a
// QGuiApplication exists). Returns the exit code: 0 done, 1 a file could not
// be written, 2 bad arguments (stderr says what is allowed).
int runHeadless(const QStringList &arguments);

// No display: runs the default lesson, writes its picture and trace under
// ./concurrency-lab-output, and says where they went.
int runDefaultLessonHeadless();

// For measuring start-up: prints "first frame after N ms" (since the
// process started) when the window has drawn once, then quits.
void quitAfterFirstFrame(QQuickWindow *window);

} // namespace clab::cli
