#include "exporter.h"

#include "trace/chromeexport.h"
#include "tracesession.h"

#include <QDir>
#include <QImage>
#include <QQuickWindow>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

namespace clab {

Exporter::Exporter(QObject *parent)
    : QObject(parent)
{
}

void Exporter::setError(const QString &error)
{
    m_lastError = error;
    emit lastErrorChanged();
}

bool Exporter::writePng(const QImage &image, const QString &path, QString *error)
{
    if (image.isNull()) {
        *error = QStringLiteral("nothing to save: the window has not been drawn yet");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool Exporter::saveWindowPng(QQuickWindow *window, const QString &path)
{
    if (!window) {
        setError(QStringLiteral("no window to save"));
        return false;
    }
    QString error;
    if (!writePng(window->grabWindow(), path, &error)) {
        setError(error);
        return false;
    }
    setError({});
    return true;
}

bool Exporter::saveTraceJson(QObject *session, const QString &path)
{
    auto *s = qobject_cast<TraceSession *>(session);
    if (!s || s->trace().isEmpty()) {
        setError(QStringLiteral("nothing to save: run a scenario first"));
        return false;
    }
    QString error;
    if (!saveChromeTrace(s->trace(), path, &error)) {
        setError(error);
        return false;
    }
    setError({});
    return true;
}

QString Exporter::localPath(const QUrl &url) const
{
    return url.isLocalFile() ? url.toLocalFile() : url.toString();
}

QString Exporter::defaultFolder() const
{
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return pictures.isEmpty() ? QDir::homePath() : pictures;
}

} // namespace clab
