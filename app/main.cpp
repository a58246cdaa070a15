#include "commandline.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QQuickStyle>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(ConcurrencyLabPlugin)

namespace {

QStringList argumentsOf(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

bool haveDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

void installTranslator(QCoreApplication &app)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("concurrencylab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("concurrency-lab"));
    QCoreApplication::setOrganizationName(QStringLiteral("ConcurrencyLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLAB_VERSION));

    using clab::cli::Mode;
    const Mode mode = clab::cli::modeFor(argumentsOf(argc, argv));
    if (mode == Mode::Engine) {
        QCoreApplication app(argc, argv);
        return clab::cli::runHeadless(app.arguments());
    }

    const bool display = haveDisplay();
    if (mode == Mode::Picture || !display)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QGuiApplication app(argc, argv);
    installTranslator(app);

    if (mode == Mode::Picture)
        return clab::cli::runHeadless(app.arguments());
    if (!display)
        return clab::cli::runDefaultLessonHeadless();

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/ConcurrencyLab/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    if (app.arguments().contains(QStringLiteral("--quit-after-first-frame")))
        clab::cli::quitAfterFirstFrame(qobject_cast<QQuickWindow *>(engine.rootObjects().first()));
    return app.exec();
}
