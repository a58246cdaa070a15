#pragma once

#include "tracesession.h"
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <memory>

namespace clab {

class Trace;
class TraceReplay;

// The state of every actor and object at the time cursor, for the animated
// scenes. Moving the cursor back rebuilds the past exactly from the trace.
//
// Besides the replayed state, each actor carries: daemon; ended (how a
// finished one ended: "returned", "raised", "cancelled"); reason (why it
// waits: "lock", "queue", "join", "sleep", ...; empty when it does not);
// objectKind (of what it waits on); awaited/awaitedName (the thread a join
// waits for); lastVarOp ("read"/"write"), lastVarValue, lastVarNs and
// copyStale (its copy was read before another thread's write); lastItemOp
// ("put"/"get"), lastItem, lastItemNs. A Variable also carries its latest
// write (lastWriterName, lastWriteValue, lastWriteNs, lastWriteLost) and
// the update its latest lost write wiped out (lostVictimName,
// lostVictimValue, lostVictimNs, lostWriteValue, lostWriteCount,
// lostReadValue). The
// deadlock also lists objectIds.
//
// Actors also carry kind ("thread" or "coroutine"), parent (the thread a
// coroutine runs on), wakeAtNs (when a sleeper is due to wake; 0 when it does
// not sleep for a known time) and readySeq (the order ready coroutines
// became ready: smaller first; 0 when not ready). Objects also carry
// acquireCount (times taken so far), ownerSinceNs, and for the GIL
// dropRequests, lastDropRequester(Name), lastDropRequestNs,
// dropRequestPending (asked, not yet handed over) and acquiredOnDropRequest
// (the owner got it through a drop request).
//
// Processes: each actor also carries process (its process actor's id),
// processName, pid, spawnedNs and startedNs (0 when not yet) and tasksDone
// (pool tasks it finished). `processes` lists every process of the run at
// the cursor, the run's own first: id, name, pid, parent (the parent
// process's id, 0 for the root), parentName, parentPid, depth (0 for the
// root), mainThread (its first thread's id), state ("new": not spawned yet,
// "starting": spawned, its main thread not running yet, "running",
// "exited"), spawnedNs, startedNs, endedNs, hasExitCode and exitCode (its
// exit status, minus the signal that killed it), threads, threadsAlive,
// coroutines and coroutinesAlive. Queues (pipes between processes too) also
// carry puts, gets, and putters and getters (actor ids, in the order they
// first put or got).
class SceneModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(TraceSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(double cursorNs READ cursorNs WRITE setCursorNs NOTIFY cursorNsChanged)
    Q_PROPERTY(QVariantList actors READ actors NOTIFY snapshotChanged)
    Q_PROPERTY(QVariantList objects READ objects NOTIFY snapshotChanged)
    Q_PROPERTY(QVariantList processes READ processes NOTIFY snapshotChanged)
    Q_PROPERTY(QVariantMap deadlock READ deadlock NOTIFY snapshotChanged)
    Q_PROPERTY(int eventsApplied READ eventsApplied NOTIFY snapshotChanged)

public:
    explicit SceneModel(QObject *parent = nullptr);
    ~SceneModel() override;

    TraceSession *session() const { return m_session; }
    void setSession(TraceSession *session);
    double cursorNs() const { return m_cursorNs; }
    void setCursorNs(double ns);

    QVariantList actors() const { return m_actors; }
    QVariantList objects() const { return m_objects; }
    QVariantList processes() const { return m_processes; }
    QVariantMap deadlock() const { return m_deadlock; }
    int eventsApplied() const { return m_eventsApplied; }

    // Objects of one kind ("Lock", "Queue", "Pool", "Variable", ...).
    Q_INVOKABLE QVariantList objectsOfKind(const QString &kind) const;
    // The next / previous event time, for stepping; the cursor itself when
    // there is none.
    Q_INVOKABLE double nextEventNs(double ns) const;
    Q_INVOKABLE double previousEventNs(double ns) const;

Q_SIGNALS:
    void sessionChanged();
    void cursorNsChanged();
    void snapshotChanged();

private:
    void traceChanged();
    void rebuild();
    void ensureReplay() const;

    QPointer<TraceSession> m_session;
    double m_cursorNs = 0;
    mutable std::unique_ptr<TraceReplay> m_replay;
    mutable const Trace *m_replayOf = nullptr;
    mutable int m_replayEvents = 0;
    QTimer m_throttle;   // coalesces cursor moves and live growth
    QVariantList m_actors;
    QVariantList m_objects;
    QVariantList m_processes;
    QVariantMap m_deadlock;
    int m_eventsApplied = 0;
};

} // namespace clab
