#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QRect>
#include <QSettings>

namespace clab {

// What the window remembers between sessions: its size, the theme and the
// last scenario.
class AppSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)
    Q_PROPERTY(QString lastScenario READ lastScenario WRITE setLastScenario NOTIFY lastScenarioChanged)
    Q_PROPERTY(QRect windowGeometry READ windowGeometry WRITE setWindowGeometry NOTIFY windowGeometryChanged)

public:
    explicit AppSettings(QObject *parent = nullptr);

    bool dark() const;
    void setDark(bool dark);
    QString lastScenario() const;
    void setLastScenario(const QString &id);
    QRect windowGeometry() const;
    void setWindowGeometry(const QRect &geometry);

Q_SIGNALS:
    void darkChanged();
    void lastScenarioChanged();
    void windowGeometryChanged();

private:
    QSettings m_settings;
};

} // namespace clab
