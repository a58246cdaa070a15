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

// The interface language: --lang, else the system's. English is the source
// language, so it needs no file.
void installTranslator(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    auto *translator = new QTranslator(&app);
    if (translator->load(locale, QStringLiteral("concurrencylab"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(translator);
        return;
    }
    if (!language.isEmpty() && locale.language() != QLocale::English)
        qWarning("concurrency-lab: no translation for '%s'; available: en, zh_CN. Going on in English.",
                 qPrintable(language));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("concurrency-lab"));
    QCoreApplication::setOrganizationName(QStringLiteral("ConcurrencyLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLAB_VERSION));

    using clab::cli::Mode;
    const QStringList arguments = argumentsOf(argc, argv);
    const Mode mode = clab::cli::modeFor(arguments);
    const QString language = clab::cli::languageFrom(arguments);
    if (mode == Mode::Engine) {
        QCoreApplication app(argc, argv);
        installTranslator(app, language);
        return clab::cli::runHeadless(app.arguments());
    }

    const bool display = haveDisplay();
    if (mode == Mode::Picture || !display)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QGuiApplication app(argc, argv);
    installTranslator(app, language);

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
