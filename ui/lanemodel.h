#pragma once

#include "trace/actor.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <vector>

namespace clab {

class Trace;

// The rows of the timeline: a header row per process, followed by a lane
// for each of its threads and coroutines, in the order they appeared.
class LaneModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by TraceSession")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        ActorIdRole = Qt::UserRole + 1, // the actor's id in the trace
        NameRole,                       // MainThread, Thread-1, ...
        KindRole,                       // "process" (a header row), "thread", "coroutine"
        ProcessRole,                    // the owning process's name and PID
        OsIdRole,                       // kernel thread id (0 while unknown)
        DaemonRole,                     // a daemon thread
    };
    Q_ENUM(Role)

    explicit LaneModel(QObject *parent = nullptr);

    // Adds new actors and updates known ones (names, ids) from the trace.
    void sync(const Trace &trace);
    void clear();
    Q_INVOKABLE int rowOfActor(int actor) const;
    Q_INVOKABLE int actorAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    struct Lane {
        ActorInfo actor;
        QString process;
    };
    std::vector<Lane> m_lanes;
};

} // namespace clab
