#include "chartdata.h"

#include "timeaxis.h"
#include "tracesession.h"

#include <algorithm>

namespace clab {

ChartData::ChartData(QObject *parent)
    : QObject(parent)
{
}

void ChartData::setSession(TraceSession *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &TraceSession::grew, this, &ChartData::changed);
    emit changed();
}

void ChartData::setBins(int bins)
{
    bins = std::clamp(bins, 1, 200);
    if (bins == m_bins)
        return;
    m_bins = bins;
    emit changed();
}

QVariantList ChartData::lockWaits() const
{
    QVariantList out;
    if (!m_session)
        return out;
    const std::vector<qint64> waits = m_session->lockWaitDurations();
    if (waits.empty())
        return out;
    const qint64 longest = *std::max_element(waits.begin(), waits.end());
    const qint64 width = std::max<qint64>(1, TimeAxis::niceStep(double(longest) / m_bins));
    const int bins = int(longest / width) + 1;
    std::vector<int> counts(size_t(bins), 0);
    for (qint64 w : waits)
        ++counts[size_t(w / width)];
    for (int i = 0; i < bins; ++i) {
        out.append(QVariantMap{{QStringLiteral("label"), TimeAxis::formatDuration(qint64(i) * width)},
                               {QStringLiteral("value"), counts[size_t(i)]}});
    }
    return out;
}

QVariantList ChartData::throughput() const
{
    QVariantList out;
    if (!m_session)
        return out;
    const Trace &trace = m_session->trace();
    std::vector<qint64> done;
    for (const TraceEvent &e : trace.events()) {
        if (e.kind == EventKind::TaskFinished)
            done.push_back(e.ts);
    }
    if (done.empty())
        return out;
    const qint64 start = trace.startNs();
    const qint64 span = std::max<qint64>(1, trace.endNs() - start);
    const qint64 width = std::max<qint64>(1, TimeAxis::niceStep(double(span) / m_bins));
    const int bins = int(span / width) + 1;
    std::vector<int> counts(size_t(bins), 0);
    for (qint64 t : done)
        ++counts[size_t((t - start) / width)];
    for (int i = 0; i < bins; ++i) {
        out.append(QVariantMap{{QStringLiteral("label"), TimeAxis::formatDuration(qint64(i) * width)},
                               {QStringLiteral("value"), counts[size_t(i)]}});
    }
    return out;
}

} // namespace clab
