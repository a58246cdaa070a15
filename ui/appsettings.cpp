#include "appsettings.h"

namespace clab {

namespace {
const QString kDark = QStringLiteral("ui/dark");
const QString kLastScenario = QStringLiteral("ui/lastScenario");
const QString kGeometry = QStringLiteral("ui/windowGeometry");
} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
{
}

bool AppSettings::dark() const
{
    return m_settings.value(kDark, false).toBool();
}

void AppSettings::setDark(bool dark)
{
    if (dark == this->dark())
        return;
    m_settings.setValue(kDark, dark);
    emit darkChanged();
}

QString AppSettings::lastScenario() const
{
    return m_settings.value(kLastScenario, QStringLiteral("race-condition")).toString();
}

void AppSettings::setLastScenario(const QString &id)
{
    if (id == lastScenario())
        return;
    m_settings.setValue(kLastScenario, id);
    emit lastScenarioChanged();
}

QRect AppSettings::windowGeometry() const
{
    return m_settings.value(kGeometry, QRect()).toRect();
}

void AppSettings::setWindowGeometry(const QRect &geometry)
{
    if (geometry == windowGeometry())
        return;
    m_settings.setValue(kGeometry, geometry);
    emit windowGeometryChanged();
}

} // namespace clab
