#include "snapshot.h"

#include "exporter.h"
#include "parametermodel.h"
#include "runcontroller.h"
#include "scenarios/registry.h"
#include "trace/chromeexport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQmlProperty>
#include <QQuickItem>
#include <QQuickWindow>
#include <QThread>

namespace clab {

namespace {

void settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(2);
    }
}

// An item by object name anywhere in the window. QML gives items declared
// in the window the window itself as QObject parent, not its content item,
// so search the visual tree first and the object tree after.
QQuickItem *itemNamed(QQuickWindow *window, const QString &name)
{
    QList<QQuickItem *> pending{window->contentItem()};
    while (!pending.isEmpty()) {
        QQuickItem *item = pending.takeFirst();
        if (item->objectName() == name)
            return item;
        pending.append(item->childItems());
    }
    return window->findChild<QQuickItem *>(name);
}

QString summaryOf(const RunController &controller)
{
    QJsonObject o;
    o.insert(QStringLiteral("scenario"), controller.scenarioId());
    o.insert(QStringLiteral("params"), QJsonObject::fromVariantMap(controller.parameters()->values().values()));
    o.insert(QStringLiteral("elapsed_ms"), controller.elapsedMs());
    o.insert(QStringLiteral("events"), controller.session()->eventCount());
    o.insert(QStringLiteral("metrics"), QJsonObject::fromVariantMap(controller.metrics()));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

SnapshotResult takeSnapshot(const SnapshotRequest &request)
{
    SnapshotResult result;
    const Scenario *scenario = ScenarioRegistry::instance().find(request.scenario);
    if (!scenario) {
        result.exitCode = 2;
        result.error = QStringLiteral("unknown scenario '%1'; known: %2")
                           .arg(request.scenario, ScenarioRegistry::instance().ids().join(QStringLiteral(", ")));
        return result;
    }
    const QStringList views{QStringLiteral("window"), QStringLiteral("scene"), QStringLiteral("timeline")};
    if (!views.contains(request.view)) {
        result.exitCode = 2;
        result.error = QStringLiteral("--view must be one of %1, got '%2'").arg(views.join(QStringLiteral(", ")), request.view);
        return result;
    }

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.setInitialProperties({{QStringLiteral("headless"), true}});
    engine.load(QUrl(QStringLiteral("qrc:/ConcurrencyLab/Main.qml")));
    auto *window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window) {
        result.exitCode = 1;
        result.error = QStringLiteral("the main window could not be loaded");
        return result;
    }
    // The theme follows the request, not the user's saved setting. (The
    // Theme singleton is a QML file, which qmlTypeId() does not find; the
    // headless window hands the request on to it.)
    window->setProperty("exportDark", request.dark);
    if (QObject *theme = engine.singletonInstance<QObject *>(qmlTypeId("ConcurrencyLab", 1, 0, "Theme")))
        theme->setProperty("dark", request.dark);
    window->resize(request.size);
    window->show();

    auto *controller = qvariant_cast<RunController *>(window->property("controller"));
    controller->setScenarioId(request.scenario);
    ParameterValues values(scenario->parameters());
    QString error;
    if (!values.applyAssignments(scenario->parameters(), request.assignments, &error)) {
        result.exitCode = 2;
        result.error = QStringLiteral("%1: %2").arg(request.scenario, error);
        return result;
    }
    for (auto it = values.values().cbegin(); it != values.values().cend(); ++it) {
        for (int row = 0; row < controller->parameters()->rowCount(); ++row) {
            if (controller->parameters()->index(row).data(ParameterModel::NameRole).toString() == it.key())
                controller->parameters()->setValue(row, it.value());
        }
    }
    controller->setSeed(int(request.seed));
    controller->run();
    if (!controller->waitForFinished(30 * 60 * 1000)) {
        controller->stop();
        result.exitCode = 1;
        result.error = QStringLiteral("the run did not finish");
        return result;
    }
    settle(50);

    auto *replay = qvariant_cast<QObject *>(window->property("replay"));
    const double start = QQmlProperty::read(replay, QStringLiteral("startNs")).toDouble();
    const double end = QQmlProperty::read(replay, QStringLiteral("endNs")).toDouble();
    QMetaObject::invokeMethod(replay, "seek", Q_ARG(QVariant, start + std::clamp(request.at, 0.0, 1.0) * (end - start)));
    settle(150);
    result.summaryJson = summaryOf(*controller);

    if (!request.pngPath.isEmpty()) {
        QImage image = window->grabWindow();
        if (request.view != QLatin1String("window")) {
            const QString name = request.view == QLatin1String("scene") ? QStringLiteral("sceneArea")
                                                                        : QStringLiteral("timelineArea");
            if (auto *item = itemNamed(window, name)) {
                const QRectF r = item->mapRectToScene(item->boundingRect());
                const qreal dpr = image.devicePixelRatio();
                image = image.copy(QRectF(r.topLeft() * dpr, r.size() * dpr).toAlignedRect());
            }
        }
        if (!Exporter::writePng(image, request.pngPath, &error)) {
            result.exitCode = 1;
            result.error = error;
            return result;
        }
    }
    if (!request.tracePath.isEmpty() && !saveChromeTrace(controller->session()->trace(), request.tracePath, &error)) {
        result.exitCode = 1;
        result.error = error;
        return result;
    }
    return result;
}

} // namespace clab
