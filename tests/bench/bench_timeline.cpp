// The timeline at scale: a generated trace of a million events drawn at
// 1920x1080 by Qt Quick's software renderer, frame after frame of different
// zoom and pan; the memory the views hold per event; and how long the real
// executable takes from start to its first frame.

#include "benchmarks.h"
#include "benchreport.h"

#include "timelineviewport.h"
#include "tracesession.h"
#include "trace/clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QQmlComponent>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QTextStream>

namespace clab::bench {

namespace {

// A plausible busy run: threads contending on a few locks and a queue, with
// sleeps, so every lane has all its states at every zoom.
Trace generateTrace(int events, int threads)
{
    Trace trace;
    trace.upsertActor({1, ActorKind::Process, QStringLiteral("MainProcess"), 0, 1000, false});
    for (int t = 0; t < threads; ++t)
        trace.upsertActor({ActorId(2 + t), ActorKind::Thread, QStringLiteral("Thread-%1").arg(t + 1), 1, 1001 + t, false});
    for (int o = 0; o < 4; ++o)
        trace.addObject({ObjectId(1 + o), ObjectKind::Lock, QStringLiteral("lock-%1").arg(o), 0, 0});
    trace.reserve(size_t(events));
    QRandomGenerator rng(42);
    std::vector<qint64> clock(size_t(threads), 0);
    std::vector<int> phase(size_t(threads), 0);
    const qint64 base = 1'000'000'000;
    for (int t = 0; t < threads; ++t)
        trace.appendOrdered({base, 0, ActorId(2 + t), 0, 0, EventKind::ActorStart, 0});
    // Each thread cycles: acquire (sometimes after a wait), hold, release, sleep.
    int produced = threads;
    std::vector<TraceEvent> pending;
    pending.reserve(size_t(events));
    while (produced < events) {
        const int t = int(rng.bounded(threads));
        qint64 &now = clock[size_t(t)];
        const ActorId actor = ActorId(2 + t);
        const ObjectId lock = ObjectId(1 + rng.bounded(4));
        now += 200 + rng.bounded(3000);
        switch (phase[size_t(t)]++ % 5) {
        case 0: pending.push_back({base + now, qint64(WaitReason::Lock), actor, lock, 0, EventKind::WaitBegin, 0}); break;
        case 1: pending.push_back({base + now, qint64(WaitOutcome::Satisfied), actor, lock, 0, EventKind::WaitEnd, 0}); break;
        case 2: pending.push_back({base + now, 0, actor, lock, 0, EventKind::Acquired, 0}); break;
        case 3: pending.push_back({base + now, 0, actor, lock, 0, EventKind::Released, 0}); break;
        case 4: pending.push_back({base + now, 1000, actor, 0, 0, EventKind::SleepBegin, 0});
                now += 500 + rng.bounded(2000);
                pending.push_back({base + now, 0, actor, 0, 0, EventKind::SleepEnd, 0});
                ++produced;
                break;
        }
        ++produced;
    }
    std::stable_sort(pending.begin(), pending.end(), [](const TraceEvent &a, const TraceEvent &b) { return a.ts < b.ts; });
    for (const TraceEvent &e : pending)
        trace.appendOrdered(e);
    return trace;
}

const char *kTimelineQml = R"(
import QtQuick
import ConcurrencyLab
Item {
    id: root
    width: 1920
    height: 1080
    property alias viewport: vp
    TimelineViewport { id: vp }
    ReplayClock { id: clock; session: benchSession }
    TimelinePane { anchors.fill: parent; session: benchSession; viewport: vp; replay: clock }
}
)";

} // namespace

void benchTimeline(BenchReport &report)
{
    constexpr int kEvents = 1'000'000;
    constexpr int kThreads = 16;
    TraceSession session;
    QElapsedTimer loadTimer;
    loadTimer.start();
    session.load(generateTrace(kEvents, kThreads));
    const double loadMs = double(loadTimer.nsecsElapsed()) / 1e6;

    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.rootContext()->setContextProperty(QStringLiteral("benchSession"), &session);
    QQmlComponent component(&engine);
    // A local URL: any other scheme would make the component load asynchronously.
    component.setData(kTimelineQml, QUrl::fromLocalFile(QStringLiteral("/bench/timeline.qml")));
    QObject *rootObject = component.create();
    auto *root = qobject_cast<QQuickItem *>(rootObject);
    if (!root) {
        QTextStream(stderr) << "timeline bench: " << component.errorString() << Qt::endl;
        return;
    }
    QQuickWindow window;
    window.resize(1920, 1080);
    root->setParentItem(window.contentItem());
    window.show();
    auto *viewport = qvariant_cast<TimelineViewport *>(root->property("viewport"));
    viewport->fit(double(session.startNs()), double(session.endNs()));
    // A frame is what the render loop does for one update: sync the items
    // (building each lane's geometry) and render, from beforeSynchronizing
    // to frameSwapped.
    QElapsedTimer frame;
    double lastFrameMs = -1;
    QObject::connect(&window, &QQuickWindow::beforeSynchronizing, &window, [&] { frame.start(); },
                     Qt::DirectConnection);
    QObject::connect(&window, &QQuickWindow::frameSwapped, &window,
                     [&] { lastFrameMs = double(frame.nsecsElapsed()) / 1e6; }, Qt::DirectConnection);
    auto renderOneFrame = [&] {
        lastFrameMs = -1;
        window.contentItem()->update();
        QElapsedTimer guard;
        guard.start();
        while (lastFrameMs < 0 && guard.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        return lastFrameMs;
    };
    if (renderOneFrame() < 0 || window.grabWindow().isNull())
        qFatal("timeline bench: the window renders nothing");

    // 100 frames: zoom in step by step around different points, then pan.
    std::vector<double> frames;
    QRandomGenerator rng(7);
    for (int i = 0; i < 100; ++i) {
        if (i % 25 == 0)
            viewport->fit(double(session.startNs()), double(session.endNs()));
        else if (i % 2 == 0)
            viewport->zoomAt(double(rng.bounded(1700)), 1.6);
        else
            viewport->panBy(double(int(rng.bounded(600)) - 300));
        frames.push_back(renderOneFrame());
    }
    const double frameMs = median(frames);
    report.add({QStringLiteral("timeline 1M events, 1920x1080, software renderer, median frame"), QStringLiteral("ms"),
                frameMs, {}, {}, QStringLiteral("<= 16 ms"), frameMs <= 16.0});
    report.add({QStringLiteral("timeline 1M events, slowest of 100 frames"), QStringLiteral("ms"),
                *std::max_element(frames.begin(), frames.end()), {}, {}, {}, {}});
    report.add({QStringLiteral("timeline 1M events, load and derive lanes"), QStringLiteral("ms"), loadMs, {}, {}, {}, {}});
    report.add({QStringLiteral("memory held by the views per event"), QStringLiteral("B/event"), session.bytesPerEvent(),
                {}, {}, {}, {}});
    delete rootObject;
}

void benchStartup(BenchReport &report, const QString &executable)
{
    std::vector<double> samples;
    for (int i = 0; i < 5; ++i) {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        app.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        app.start(executable, {QStringLiteral("--quit-after-first-frame")});
        double ms = -1;
        while (app.state() != QProcess::NotRunning || app.bytesAvailable() > 0) {
            app.waitForReadyRead(50);
            const QByteArray out = app.readAllStandardOutput();
            if (out.contains("first frame")) {
                ms = double(timer.nsecsElapsed()) / 1e6;
                break;
            }
            if (timer.elapsed() > 20000)
                break;
        }
        app.waitForFinished(5000);
        if (app.state() != QProcess::NotRunning) {
            app.kill();
            app.waitForFinished(1000);
        }
        if (ms < 0) {
            QTextStream(stderr) << "start-up bench: the app showed no frame: " << app.readAllStandardError() << Qt::endl;
            return;
        }
        samples.push_back(ms);
    }
    const double ms = median(samples);
    report.add({QStringLiteral("app start to first frame (median of 5)"), QStringLiteral("ms"), ms, {}, {},
                QStringLiteral("<= 1500 ms"), ms <= 1500.0});
}

} // namespace clab::bench
