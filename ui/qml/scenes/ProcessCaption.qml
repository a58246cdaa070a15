import QtQml
import "SceneLayout.js" as SceneLayout

// The words of the process scene: the caption sentence for the cursor, what
// each process is doing, and the line of figures the run reported.
QtObject {
    id: words

    required property var scene           // the ProcessScene

    readonly property var s: scene
    readonly property string text: said.text
    // The caption tells of something gone wrong: lost updates, a kill.
    readonly property bool alarm: said.alarm

    function fmt(ns) {
        return SceneLayout.duration(ns)
    }
    function signalName(n) {
        return n === 9 ? "SIGKILL" : n === 15 ? "SIGTERM" : qsTr("signal %1").arg(n)
    }

    // What a process is doing, from its main thread (and its threads).
    function noteFor(p) {
        const m = s.byId[p.mainThread]
        const members = s.membersOf[p.id] || []
        if (s.scenarioId === "fork" && p.depth >= 1 && p.state !== "new") {
            const kid = s.procs.find(c => c.parent === p.id && c.state !== "new")
            if (kid && kid.pid > 0)
                return qsTr("fork() returned %1 here: the new child's pid").arg(kid.pid)
            if (p.depth >= 2)
                return qsTr("fork() returned 0 here: it is the child")
        }
        if (!m || !m.started)
            return ""
        if (m.state === 4)
            return s.pool && m.tasksDone > 0 ? qsTr("ran %n task(s)", "", m.tasksDone)
                 : s.block && m.lastVarOp === "write" ? qsTr("its last write: %1").arg(s.num(m.lastVarValue)) : ""
        const gilWaiters = members.filter(a => a.started && a.state === 5).length
        if (gilWaiters > 0)
            return qsTr("%1 threads, one GIL: %n wait for it", "", gilWaiters)
                .arg(members.filter(a => a.kind !== "coroutine" && a.started && a.state !== 4).length)
        if (s.block && m.lastVarOp !== "" && p.parent !== 0)
            return m.lastVarOp === "read" ? qsTr("adds 1 again and again (began at %1)").arg(s.num(m.lastVarValue))
                                          : qsTr("done adding: its last write was %1").arg(s.num(m.lastVarValue))
        if (m.runningTask > 0)
            return qsTr("runs task #%1 · %n done", "", m.tasksDone).arg(m.runningTask)
        if (m.reason === "queue")
            return qsTr("waits in recv() for a message on %1").arg(m.objectName)
        if (m.reason === "join") {
            const aw = s.byId[m.awaited]
            return qsTr("waits in join() for %1").arg(!aw ? m.awaitedName : aw.process !== p.id ? aw.processName : aw.name)
        }
        if (m.reason === "future")
            return qsTr("waits for results (%1)").arg(fmt(m.forNs))
        if (m.reason === "io" && s.children.some(c => c.state === "starting" && c.parent === p.id))
            return qsTr("start(): waits until %1 is ready").arg(s.children.find(c => c.state === "starting" && c.parent === p.id).name)
        if (m.reason === "io")
            return s.scenarioId === "subprocess" && p.parent === 0 ? qsTr("subprocess.run() waits for the child to exit")
                 : qsTr("waits on I/O (%1)").arg(fmt(m.forNs))
        if (m.reason === "sleep" && m.lastItemOp === "get")
            return qsTr("handles message %1 (%2)").arg(m.lastItem).arg(fmt(m.forNs))
        if (m.reason === "sleep" && m.lastItemOp === "put")
            return qsTr("sent message %1, pauses (%2)").arg(m.lastItem).arg(fmt(m.forNs))
        if (m.reason === "sleep")
            return s.block && m.lastVarOp === "read" && p.parent === 0
                   ? qsTr("reads the counter every ¼ ms: %1").arg(s.num(m.lastVarValue))
                   : qsTr("sleeps (%1)").arg(fmt(m.forNs))
        if (s.block && p.parent === 0 && m.lastVarOp === "read")
            return qsTr("reads the counter: %1").arg(s.num(m.lastVarValue))
        if (m.lastItemOp === "put")
            return qsTr("sent message %1").arg(m.lastItem)
        if (m.lastItemOp === "get")
            return qsTr("received message %1").arg(m.lastItem)
        if (s.isWorker(p))
            return qsTr("idle, waiting for a task · %n done", "", m.tasksDone)
        return ""
    }

    // The latest thing that happened to a child process: spawned, started
    // or exited.
    function latestChange() {
        let best = undefined
        s.children.forEach(p => {
            const t = p.state === "exited" ? p.endedNs : p.state === "running" ? p.startedNs
                    : p.state === "starting" ? p.spawnedNs : 0
            if (t > 0 && (!best || t >= best.t))
                best = { p: p, t: t }
        })
        return best
    }

    readonly property var said: {
        let alarm = false
        const text = (() => {
        const r = s.rootProc
        if (!r)
            return ""
        const kids = s.children
        const running = kids.filter(p => p.state === "running").length
        const starting = kids.filter(p => p.state === "starting")
        if (starting.length > 0) {
            const p = starting[0]
            return qsTr("%1 is starting: the OS has made a new process (pid %2) and it loads the program before it can run anything (%3 so far).")
                .arg(p.name).arg(p.pid).arg(fmt(s.now - p.spawnedNs))
        }
        // A Pipe or a Queue.
        if (s.queues.length > 0) {
            const q = s.queues[0]
            const e = s.endsOf(q)
            const w = s.procById[e.writer], rd = s.procById[e.reader]
            if (q.items.length > 0)
                return rd ? qsTr("%n message(s) in the %1: sent by %2, not yet received by %3 (sent so far: %4, received: %5).", "", q.items.length)
                                .arg(q.name).arg(w ? w.name : "?").arg(rd.name).arg(q.puts).arg(q.gets)
                          : qsTr("%n message(s) in the %1: sent by %2, and no process reads it yet.", "", q.items.length)
                                .arg(q.name).arg(w ? w.name : "?")
            if (rd && q.waiters.length > 0)
                return qsTr("%1 waits in recv(): the %2 is empty (received so far: %3).")
                    .arg(rd.name).arg(q.name).arg(q.gets)
            if (q.puts > 0 && q.gets === q.puts && w && rd && rd.state === "exited" && rd.hasExitCode && rd.exitCode < 0)
                return qsTr("All %1 messages crossed the %2 from %3 to %4; then %4, which would read forever, was terminated by %5 (exitcode %6).")
                    .arg(q.puts).arg(q.name).arg(w.name).arg(rd.name).arg(signalName(-rd.exitCode)).arg(rd.exitCode)
            if (q.puts > 0 && q.gets === q.puts && w && rd)
                return qsTr("All %1 messages crossed the %2 from %3 to %4: the processes share no memory, only these messages.")
                    .arg(q.puts).arg(q.name).arg(w.name).arg(rd.name)
        }
        // Shared memory.
        const sh = s.shared
        if (sh) {
            if (sh.finalKnown && sh.expected >= 0) {
                alarm = sh.lost > 0
                return sh.lost > 0
                    ? qsTr("%1 additions, but the block holds %2: %3 updates were lost where one process's load and store straddled another's.")
                        .arg(s.num(sh.expected)).arg(s.num(sh.value)).arg(s.num(sh.lost))
                    : qsTr("%1 additions and the block holds %2: with the Lock around each one, none was lost.")
                        .arg(s.num(sh.expected)).arg(s.num(sh.value))
            }
            if (sh.adding > 0)
                return qsTr("%n process(es) add 1 to the shared block at once, MainProcess reads it as they go: %1 now.", "", sh.adding)
                    .arg(s.num(sh.value))
            if (running > 0 && sh.began === 0)
                return qsTr("%n adder process(es) attach to the shared block and get ready to add together.", "", running)
        }
        // Threads of one process under one GIL, coroutines in many.
        const members = s.membersOf[r.id] || []
        const gilWaiters = members.filter(a => a.started && a.state === 5).length
        if (gilWaiters > 0)
            return qsTr("Threads of one process share its GIL: %n of them wait for it while one runs Python.", "", gilWaiters)
        const loops = kids.filter(p => p.state === "running" && p.coroutinesAlive > 0)
        if (loops.length > 0) {
            const alive = loops.reduce((t, p) => t + p.coroutinesAlive, 0)
            const idle = kids.filter(p => p.state === "running" && p.coroutinesAlive === 0).length
            return idle > 0
                ? qsTr("%n process(es) run an event loop (%1 coroutines alive) while %2 process(es) have none running yet or any more.", "", loops.length)
                    .arg(alive).arg(idle)
                : qsTr("Every worker process runs an event loop of its own: %1 coroutines alive between them, one loop per process.")
                    .arg(alive)
        }
        // subprocess.run: one program at a time.
        if (s.scenarioId === "subprocess") {
            const child = kids.find(p => p.state === "running" || p.state === "starting")
            const last = latestChange()
            if (child)
                return qsTr("subprocess.run() started %1 (pid %2) and waits for it to exit, collecting what it prints.")
                    .arg(child.name).arg(child.pid)
            if (last && last.p.state === "exited" && last.p.hasExitCode) {
                const p = last.p
                alarm = p.exitCode !== 0
                return p.exitCode < 0
                    ? qsTr("%1 ran past the timeout: it was killed by %2 (returncode %3) and subprocess.run() raised TimeoutExpired.")
                        .arg(p.name).arg(signalName(-p.exitCode)).arg(p.exitCode)
                    : p.exitCode > 0
                    ? qsTr("%1 exited with code %2: subprocess.run() returns it as returncode, with what it wrote to stderr.")
                        .arg(p.name).arg(p.exitCode)
                    : qsTr("%1 exited with code 0: subprocess.run() returns its output and returncode 0.").arg(p.name)
            }
        }
        // Threads of the one process besides its main thread.
        const threadsAlive = members.filter(a => a.kind === "thread" && a.started && a.state !== 4).length
        if (threadsAlive > 1 && kids.every(p => p.state === "new" || p.state === "exited"))
            return qsTr("%1 runs %n thread(s) besides its main thread: they share its memory and its one GIL.", "", threadsAlive - 1)
                .arg(r.name)
        // The Pool.
        const pool = s.pool
        if (pool) {
            const busy = pool.runningTasks.length, queued = pool.queuedTasks.length, done = pool.finishedCount
            const workers = kids.length
            if (queued > 0 && busy >= workers)
                return qsTr("Every worker process is busy: %n task(s) wait in the Pool's queue.", "", queued)
            if (busy > 1 && s.scenarioId === "threads-vs-processes")
                return qsTr("%1 worker processes compute at once, each under a GIL of its own: none waits for another.").arg(busy)
            if (busy > 0)
                return qsTr("%1 of %2 worker processes run a task; %3 queued, %4 done.").arg(busy).arg(workers).arg(queued).arg(done)
            if (done > 0 && queued === 0)
                return qsTr("All %1 tasks are done: each ran in a worker process, and its result came back over that worker's pipe.").arg(done)
        }
        // fork(): a copy of the forking process.
        if (s.scenarioId === "fork") {
            const kid = kids.find(p => p.depth >= 2 && p.state !== "new")
            const forker = kid ? s.procById[kid.parent] : undefined
            if (kid && forker && kid.pid > 0)
                return qsTr("fork() copied %1 (pid %2) into a new process, pid %3: it returned %3 in %1 and 0 in the copy.")
                    .arg(forker.name).arg(forker.pid).arg(kid.pid)
        }
        // Who started, who exited.
        const last = latestChange()
        if (last && last.p.state === "exited") {
            const p = last.p
            if (p.hasExitCode && p.exitCode < 0) {
                alarm = true
                return qsTr("%1 was killed by %2: its exitcode is %3, minus the signal's number.")
                    .arg(p.name).arg(signalName(-p.exitCode)).arg(p.exitCode)
            }
            if (running > 0)
                return p.hasExitCode ? qsTr("%1 exited with code %2; %n child process(es) still run.", "", running).arg(p.name).arg(p.exitCode)
                                     : qsTr("%1 exited; %n child process(es) still run.", "", running).arg(p.name)
            return qsTr("Every child has exited: %1 (pid %2) started %n process(es), each with its own PID and memory.", "",
                        kids.filter(p => p.parent === r.id).length)
                .arg(r.name).arg(r.pid)
        }
        if (running > 0)
            return qsTr("%n child process(es) of %1 (pid %2) run, each with its own PID and its own memory.", "", running)
                .arg(r.name).arg(r.pid)
        return qsTr("%1 (pid %2) runs this scenario; the processes it starts will appear below it.").arg(r.name).arg(r.pid)
        })()
        return { text: text, alarm: alarm }
    }

    // What the run reported, once it has.
    readonly property string facts: {
        const m = s.metrics
        if (!m || Object.keys(m).length === 0)
            return ""
        const num = v => v === undefined ? "?" : s.num(v)
        const ms = v => v === undefined ? "?" : fmt(v * 1e6)
        switch (s.scenarioId) {
        case "process-basics":
            return qsTr("The run: MainProcess is pid %1, the parent of each child (ppid checked: %2). One child set its global to %3; the parent's copy stayed %4. The one killed: exitcode %5.")
                .arg(m.parent_pid).arg(m.ppid_is_parent ? qsTr("yes") : qsTr("no")).arg(m.child_global_after)
                .arg(m.parent_global_after).arg(m.killed_exitcode)
        case "fork":
            return qsTr("The run: fork() returned %1 in the child and %2 in the parent (pid %3), which is the child's pid %4.")
                .arg(m.fork_returned_in_child).arg(m.fork_returned_in_parent).arg(m.forking_pid).arg(m.child_pid)
        case "process-pool":
            return qsTr("The run: %1 tasks done, %2 callbacks, worker pids %3.").arg(m.tasks_done).arg(m.callbacks)
                .arg((m.pids || []).join(", "))
        case "process-queue":
            return qsTr("The run: %1 messages put, %2 received; the endless reader was terminated (exitcode %3).")
                .arg(m.produced).arg(m.consumed).arg(m.reader_exitcode)
        case "pipe":
            return qsTr("The run: %1 messages sent, %2 received, from pid %3.").arg(m.sent).arg(m.received).arg(m.sender_pid)
        case "shared-memory":
            return qsTr("The run: expected %1, final %2, lost updates %3.").arg(num(m.expected)).arg(num(m.final))
                .arg(num(m.lost_updates))
        case "subprocess":
            return qsTr("The run: uname printed “%1” · cat echoed “%2” · sh returned %3 (stderr “%4”) · a missing program: %5 · sleep 5: %6")
                .arg(m.stdout).arg(m.cat_echoed).arg(m.failing_returncode).arg(m.failing_stderr)
                .arg(String(m.missing_error || "").split(":")[0]).arg(String(m.timeout_error || "").split(":")[0])
        case "threads-vs-processes":
            return qsTr("Measured on %1 cores: serial %2 · %3 threads %4 (×%5) · %3 processes %6 (×%7).")
                .arg(m.cores).arg(ms(m.serial_ms)).arg(s.params.workers).arg(ms(m.threads_ms))
                .arg(Number(m.speedup_threads || 0).toFixed(2)).arg(ms(m.processes_ms))
                .arg(Number(m.speedup_processes || 0).toFixed(2))
        case "processes-plus-coroutines":
            return qsTr("The run: %1 coroutines in %2 processes, all done in %3.").arg(m.coroutines_total)
                .arg((m.pids || []).length).arg(ms(m.elapsed_ms))
        }
        return ""
    }
}
