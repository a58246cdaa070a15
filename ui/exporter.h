#pragma once

#include <QQuickWindow>
#include <QObject>
#include <QQmlEngine>


namespace clab {

// Saves what the window shows, for slides: a PNG of the whole window, or of
// one item.
class Exporter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    explicit Exporter(QObject *parent = nullptr);

    // Writes atomically; false with lastError set when it cannot.
    Q_INVOKABLE bool saveWindowPng(QQuickWindow *window, const QString &path);
    Q_INVOKABLE bool saveTraceJson(QObject *session, const QString &path);
    // A file path from a URL a FileDialog gave.
    Q_INVOKABLE QString localPath(const QUrl &url) const;
    Q_INVOKABLE QString defaultFolder() const;

    QString lastError() const { return m_lastError; }

    static bool writePng(const QImage &image, const QString &path, QString *error);

Q_SIGNALS:
    void lastErrorChanged();

private:
    void setError(const QString &error);
    QString m_lastError;
};

} // namespace clab
