#pragma once

// Shared by the UI tests: the real main window loaded offscreen, ways to
// find its parts without depending on their layout, and the scene's cursor.

#include "parametermodel.h"
#include "runcontroller.h"
#include "scenemodel.h"

#include <QCoreApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>
#include <functional>
#include <memory>

namespace clab::test {

// Settings go to a throw-away test location, and the style is the app's.
inline void prepareUiTest()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConcurrencyLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("concurrency-lab-tests"));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
}

// The main window as the app loads it, headless (nothing saved).
struct MainWindow {
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow *window = nullptr;
    RunController *controller = nullptr;

    bool load(QSize size = QSize(1600, 1000))
    {
        engine = std::make_unique<QQmlApplicationEngine>();
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->setInitialProperties({{QStringLiteral("headless"), true}});
        engine->load(QUrl(QStringLiteral("qrc:/ConcurrencyLab/Main.qml")));
        if (engine->rootObjects().isEmpty())
            return false;
        window = qobject_cast<QQuickWindow *>(engine->rootObjects().first());
        if (!window)
            return false;
        // Light theme whatever was saved, like the picture exporter.
        if (QObject *theme = engine->singletonInstance<QObject *>(qmlTypeId("ConcurrencyLab", 1, 0, "Theme")))
            theme->setProperty("dark", false);
        window->resize(size);
        window->show();
        controller = qvariant_cast<RunController *>(window->property("controller"));
        return controller && QTest::qWaitForWindowExposed(window);
    }

    ~MainWindow()
    {
        if (controller)
            controller->stop();
        engine.reset();
    }
};

inline bool setParameter(RunController &c, const QString &name, const QVariant &value)
{
    ParameterModel *p = c.parameters();
    for (int row = 0; row < p->rowCount(); ++row) {
        if (p->index(row).data(ParameterModel::NameRole).toString() == name)
            return p->setValue(row, value);
    }
    return false;
}

// Moves the scene's cursor to `ns` and waits for the snapshot it rebuilds.
inline bool moveSceneCursor(SceneModel &scene, qint64 ns)
{
    QSignalSpy snapshot(&scene, &SceneModel::snapshotChanged);
    // Let a rebuild already due pass first, so the one waited for is ours.
    QCoreApplication::processEvents();
    snapshot.clear();
    scene.setCursorNs(double(ns) + 0.25); // a different value each time
    scene.setCursorNs(double(ns));
    return snapshot.wait(5000) || !snapshot.isEmpty();
}

// Every item under `root` (itself included) that `accept` takes.
inline QList<QQuickItem *> findItems(QQuickItem *root, const std::function<bool(QQuickItem *)> &accept)
{
    QList<QQuickItem *> out;
    if (!root)
        return out;
    if (accept(root))
        out << root;
    for (QQuickItem *child : root->childItems())
        out << findItems(child, accept);
    return out;
}

// The item named `objectName` in the visual tree under `root`.
inline QQuickItem *findItemNamed(QQuickItem *root, const QString &objectName)
{
    const QList<QQuickItem *> found = findItems(root, [&](QQuickItem *i) { return i->objectName() == objectName; });
    return found.isEmpty() ? nullptr : found.first();
}

template <class T>
QList<T *> findItemsOfType(QQuickItem *root)
{
    QList<T *> out;
    for (QQuickItem *item : findItems(root, [](QQuickItem *i) { return qobject_cast<T *>(i) != nullptr; }))
        out << static_cast<T *>(item);
    return out;
}

// Items made from a QML file, e.g. "Legend" for Legend.qml.
inline QList<QQuickItem *> findItemsOfQmlType(QQuickItem *root, const QString &type)
{
    return findItems(root, [&](QQuickItem *i) {
        const QString name = QString::fromLatin1(i->metaObject()->className());
        return name == type || name.startsWith(type + QStringLiteral("_QMLTYPE_"))
            || name.startsWith(type + QStringLiteral("_QML_"));
    });
}

// Visible text items (Label, Text) whose text is `text`.
inline QList<QQuickItem *> findTexts(QQuickItem *root, const QString &text)
{
    return findItems(root, [&](QQuickItem *i) {
        const QVariant t = i->property("text");
        return i->isVisible() && t.isValid() && t.toString() == text && i->metaObject()->indexOfProperty("font") >= 0;
    });
}

// Whether `item` and all its ancestors are visible and it has an area.
inline bool isShown(const QQuickItem *item)
{
    return item && item->isVisible() && item->width() > 0 && item->height() > 0 && item->opacity() > 0;
}

// The item's area in the grabbed image's pixels.
inline QRect imageRect(const QQuickItem *item, const QImage &image)
{
    const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    const qreal dpr = image.devicePixelRatio();
    return QRectF(r.topLeft() * dpr, r.size() * dpr).toAlignedRect().intersected(image.rect());
}

// How many pixels of `rect` have exactly the colour `rgb`.
inline int countPixels(const QImage &image, const QRect &rect, QRgb rgb)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = rect.left(); x <= rect.right(); ++x)
            n += (line[x] & 0xFFFFFF) == (rgb & 0xFFFFFF);
    }
    return n;
}

} // namespace clab::test
