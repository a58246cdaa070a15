#pragma once

#include "tracesession.h"
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>

namespace clab {


// Figures a person would rather see than read, computed from the session:
// how long threads waited for locks, and how fast a pool finished tasks.
// Each chart is a list of bars {label, value}.
class ChartData : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(TraceSession *session READ session WRITE setSession NOTIFY changed)
    Q_PROPERTY(QVariantList lockWaits READ lockWaits NOTIFY changed)
    Q_PROPERTY(QVariantList throughput READ throughput NOTIFY changed)
    Q_PROPERTY(int bins READ bins WRITE setBins NOTIFY changed)

public:
    explicit ChartData(QObject *parent = nullptr);

    TraceSession *session() const { return m_session; }
    void setSession(TraceSession *session);
    int bins() const { return m_bins; }
    void setBins(int bins);

    // Histogram of lock wait durations, in equal-width bins.
    QVariantList lockWaits() const;
    // Pool tasks finished per time bin over the run.
    QVariantList throughput() const;

Q_SIGNALS:
    void changed();

private:
    QPointer<TraceSession> m_session;
    int m_bins = 10;
};

} // namespace clab
