#include "lanemodel.h"

#include "trace/trace.h"

namespace clab {

LaneModel::LaneModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

namespace {
QString processLabel(const Trace &trace, const ActorInfo &actor, bool isProcess)
{
    const ActorInfo *p = isProcess ? &actor : trace.actor(actor.parent);
    while (p && p->kind != ActorKind::Process)
        p = trace.actor(p->parent);
    if (!p)
        return QString();
    return p->osId ? QStringLiteral("%1 (pid %2)").arg(p->name).arg(p->osId) : p->name;
}
} // namespace

void LaneModel::sync(const Trace &trace)
{
    const int before = int(m_lanes.size());
    for (const ActorInfo &a : trace.actors()) {
        const int row = rowOfActor(int(a.id));
        const QString process = a.kind == ActorKind::Process ? processLabel(trace, a, true) : processLabel(trace, a, false);
        if (row >= 0) {
            Lane &lane = m_lanes[size_t(row)];
            if (!(lane.actor == a) || lane.process != process) {
                lane.actor = a;
                lane.process = process;
                emit dataChanged(index(row), index(row));
            }
            continue;
        }
        // A process is a header row; its threads follow it, in order.
        int at = int(m_lanes.size());
        if (a.kind != ActorKind::Process) {
            for (int i = int(m_lanes.size()) - 1; i >= 0; --i) {
                if (m_lanes[size_t(i)].process == process) {
                    at = i + 1;
                    break;
                }
            }
        }
        beginInsertRows({}, at, at);
        m_lanes.insert(m_lanes.begin() + at, Lane{a, process});
        endInsertRows();
    }
    if (int(m_lanes.size()) != before)
        emit countChanged();
}

void LaneModel::clear()
{
    if (m_lanes.empty())
        return;
    beginResetModel();
    m_lanes.clear();
    endResetModel();
    emit countChanged();
}

int LaneModel::rowOfActor(int actor) const
{
    for (size_t i = 0; i < m_lanes.size(); ++i) {
        if (int(m_lanes[i].actor.id) == actor)
            return int(i);
    }
    return -1;
}

int LaneModel::actorAt(int row) const
{
    return row >= 0 && row < int(m_lanes.size()) ? int(m_lanes[size_t(row)].actor.id) : 0;
}

int LaneModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lanes.size());
}

QVariant LaneModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Lane &lane = m_lanes[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return lane.actor.name;
    case ActorIdRole: return int(lane.actor.id);
    case KindRole:
        switch (lane.actor.kind) {
        case ActorKind::Process: return QStringLiteral("process");
        case ActorKind::Coroutine: return QStringLiteral("coroutine");
        case ActorKind::Thread: break;
        }
        return QStringLiteral("thread");
    case ProcessRole: return lane.process;
    case OsIdRole: return lane.actor.osId;
    case DaemonRole: return lane.actor.daemon;
    default: return {};
    }
}

QHash<int, QByteArray> LaneModel::roleNames() const
{
    return {{ActorIdRole, "actorId"}, {NameRole, "name"}, {KindRole, "kind"},
            {ProcessRole, "process"}, {OsIdRole, "osId"}, {DaemonRole, "daemon"}};
}

} // namespace clab
