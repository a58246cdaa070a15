<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActorToken</name>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raised an exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleeping %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not started yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppToolBar</name>
    <message>
        <source>▶ Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the scenario on real threads (Ctrl+R; Space when nothing has run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‖ Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume the replay (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the run, even a deadlocked one, or the replay (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↺ Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the last run (Ctrl+Backspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⇔ Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the whole run into the timeline (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>×%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay speed ([ slower, ] faster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the window as a PNG for slides (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the trace as Chrome Trace JSON for Perfetto (Ctrl+Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running… %1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light or dark theme (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogPane</name>
    <message>
        <source>Search scenarios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, group or description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scenario matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlockScene</name>
    <message>
        <source>Deadlock: %1 each hold a lock the next one wants, in a cycle (the ring). None of them can go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> → </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlock: all %1 threads hold a lock the next one wants, in a cycle (the ring). None of them can go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlock: %1 each hold a lock the next one wants, in a cycle (the ring). None can go on; the engine found it and stopped the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlock: all %1 threads hold a lock the next one wants, in a cycle (the ring). None can go on; the engine stopped the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every thread got both its locks and finished: no wait-for cycle formed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Each thread holds its first lock and reaches for the next: %n thread(s) wait for a lock someone holds.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Each thread takes its first lock, then reaches for the next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: held by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wants %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds (lock → owner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waits for (thread → lock)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsBar</name>
    <message>
        <source>%1 was %2%3 from %4 for %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every lane that waited on %1 is highlighted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✕</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GilChartScene</name>
    <message numerus="yes">
        <source>Timing %n thread(s) with the GIL: only one runs at a time.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Timing %n thread(s) without a GIL: they run side by side on the cores.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The chart appears when the run has timed every thread count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One thread: %1 ms with the GIL, %2 ms without. Raise max_threads to see the lines part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the GIL, %1 threads took %2 ms against %3 ms on one: no faster, only one runs at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the GIL, %1 threads took %2 ms against %3 ms on one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without it, %1 ms: %2× faster, with %3 cores to share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 worker processes, each with its own GIL: %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threads sharing the same work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wall time, ms (lower is faster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cores on this machine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with the GIL (CPython today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no GIL (free-threaded build)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>perfect split: one thread&apos;s time ÷ threads, up to the cores (worked out, not measured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker processes, one per thread, each with its own GIL (multiprocessing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At the cursor: %n thread(s) with the GIL, %1 running, %2 waiting for it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At the cursor: %n thread(s) without a GIL, %1 running.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Measuring… the chart is drawn from the timings when the run ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No timings yet: press Run.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GilScene</name>
    <message>
        <source>MainThread is about to start the threads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every worker process finished. Each had its own GIL, so they ran side by side on the cores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every thread finished. Without a GIL they ran side by side on the cores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every thread finished. Under the GIL they took turns: only one ran at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Worker processes, each with its own GIL: %n of them run Python code at the same time.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No GIL: %1 threads are runnable at once, more than the %2 cores; the OS takes turns among them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No GIL: %n thread(s) run Python code at the same time, each on a core of its own.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only one thread runs at a time: %1 holds the GIL, %n thread(s) wait their turn, though %2 core(s) sit idle.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only one thread runs at a time: %1 holds the GIL, %n thread(s) wait their turn.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 holds the GIL; %n thread(s) wait on I/O or sleep without it, so their waits overlap.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds the GIL and runs; nobody else wants it right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GIL was just let go: %1, first in line, takes it next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nobody holds the GIL: %n thread(s) wait on I/O or sleep, and a wait does not need it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody holds the GIL right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>also running, %1 threads for %2 cores: the OS shares the cores among them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no queue: without a GIL nothing stops a runnable thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>waiting for the GIL in arrival order: %n thread(s), first in line nearest the cores</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>nobody waits for the GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bar: the switch interval (%1) running out; when it is full the waiter asks for a drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU cores on this machine: %1 · %2 in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one GIL per process: no process waits for another&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no GIL (free-threaded build): nothing to wait for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop request from %1: %2 must let go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop request from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 took it after a drop request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 took it when %2 let go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GIL is free: the next thread to ask takes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>core %1: idle
no GIL, no Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>core %1: idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode: processes · %1 running on %2 cores, each under its own GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode: free-threaded, no GIL · %1 threads running on %2 cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode: GIL · switch interval %1 · taken %2 times so far · %3 drop requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode: GIL · taken %1 times so far · %2 drop requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting on I/O or sleeping: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stepped away without the GIL, waiting on I/O or sleeping: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elsewhere: MainThread, not started, finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs Python %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pid %1 · its own GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outside Python, no GIL %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runnable, shares a core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I/O %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleep, wakes in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleep, due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>join() %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GIL: %1 holds it and may run Python code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GIL: free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no queue: each process runs under its own GIL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>%1: drawn as a %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>release → the waiter it let in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>put → the get it fed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submit → worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start / join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tick: acquire (tall) / release (short)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScene</name>
    <message>
        <source>#%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inside, has it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds %2; nobody waits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %2; %n thread(s) queue at the gate. %3 has waited longest.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was just released: %2, first in line, gets it next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is free: the next thread to call acquire() walks straight in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elsewhere: working outside the lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>waiting at %1 in arrival order: %n thread(s), first in line nearest the gate</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>nobody waits at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last woken by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoopScene</name>
    <message>
        <source>running %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 · ready %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wakes in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>socket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaits %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaits results · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waits %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asyncio.run() starts the event loop on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coroutines are done. Now the same wait on OS threads: %1 of %2 alive, each with a stack of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides are done: the figures measured on this machine are at the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every task finished; asyncio.run() closes the loop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>One coroutine at a time on one thread: %1 runs, %n more are ready and wait their turn.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 runs on the loop; the others wait for timers, sockets or each other without using a thread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is ready: the loop sleeps in epoll_wait until the next timer (in %1) or a socket wakes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is ready yet: a timer is due, and the loop is waking up from epoll_wait to run it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is ready: the loop sleeps in epoll_wait until a socket wakes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The loop picks the next ready coroutine: %n ready, first in line %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The loop checks its timers and sockets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>ready to run, in the order they became ready: %n (next one at the right)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>ready to run: nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event loop: one coroutine at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle in epoll_wait %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>join() %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done with the loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs the loop: resumed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs the loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: loop idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleeping (timers), soonest first: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting on a socket (epoll): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaiting a queue, lock, event or task: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 of %3 free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: held by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more sleeping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more on sockets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more awaiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished: %1 · still to come: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tasks finished: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all of them, wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured on this machine, %1 of each:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured on this machine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coroutines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures appear when the run ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting threads failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coroutines of this run: %1 · %2 asleep, %3 finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS threads of this run: none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS threads of this run: %1 · %2 asleep, %3 finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one dot each, in its state&apos;s colour; hollow: not started yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Concurrency Lab — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concurrency Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Run (Space) to start %1 on real threads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the window to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the trace to %1 (open it in ui.perfetto.dev)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricsPane</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lanes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scenario raised: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock waits: how many waited how long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool throughput: tasks finished per interval</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParameterPane</name>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put every parameter back to its default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed for the scenario&apos;s random choices: the same seed repeats them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PipeTube</name>
    <message>
        <source>no reader yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 sent · %3 in flight · %4 received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PoolScene</name>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 tasks are done: every future holds its result, and result() returns at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every worker is busy: %n task(s) wait on the queue for the next worker to come free.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The queue is empty: %n worker(s) sit idle, waiting for work.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 queued, %2 of %3 workers busy, %4 done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>work queue: %n task(s) submitted, not started (next one at the right)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>waits in result()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submit()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 worker threads %2…: %3 busy, %4 idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 worker threads: %2 busy, %3 idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shut down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done futures, newest first: %1 (%2 raised) · result() →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done futures, newest first: %1 · task → result()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task #%1: submitted, waiting for a worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task #%1: running on a worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task #%1: done; its future holds the result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcessCaption</name>
    <message>
        <source>signal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is starting: the OS has made a new process (pid %2) and it loads the program before it can run anything (%3 so far).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 messages crossed the %2 from %3 to %4: the processes share no memory, only these messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 additions, but the block holds %2: %3 updates were lost where one process&apos;s load and store straddled another&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 additions and the block holds %2: with the Lock around each one, none was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) add 1 to the shared block at once, MainProcess reads it as they go: %1 now.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n adder process(es) attach to the shared block and get ready to add together.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Threads of one process share its GIL: %n of them wait for it while one runs Python.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every worker process is busy: %n task(s) wait in the Pool&apos;s queue.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 worker processes run a task; %3 queued, %4 done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 tasks are done: each ran in a worker process, and its result came back over that worker&apos;s pipe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was killed by %2: its exitcode is %3, minus the signal&apos;s number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 exited with code %2; %n child process(es) still run.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 exited; %n child process(es) still run.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every child has exited: %1 (pid %2) started %n process(es), each with its own PID and memory.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n child process(es) of %1 (pid %2) run, each with its own PID and its own memory.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (pid %2) runs this scenario; the processes it starts will appear below it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run: MainProcess is pid %1, the parent of each child (ppid checked: %2). One child set its global to %3; the parent&apos;s copy stayed %4. The one killed: exitcode %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run: fork() returned %1 in the child and %2 in the parent (pid %3), which is the child&apos;s pid %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run: %1 tasks done, %2 callbacks, worker pids %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run: %1 messages put, %2 received; the endless reader was terminated (exitcode %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run: %1 messages sent, %2 received, from pid %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run: expected %1, final %2, lost updates %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured on %1 cores: serial %2 · %3 threads %4 (×%5) · %3 processes %6 (×%7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run: %1 coroutines in %2 processes, all done in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fork() returned %1 here: the new child&apos;s pid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fork() returned 0 here: it is the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>ran %n task(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>its last write: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 threads, one GIL: %n wait for it</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>adds 1 again and again (began at %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done adding: its last write was %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>runs task #%1 · %n done</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>waits in recv() for a message on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waits in join() for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waits for results (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start(): waits until %1 is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subprocess.run() waits for the child to exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waits on I/O (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handles message %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent message %1, pauses (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reads the counter every ¼ ms: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleeps (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reads the counter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>idle, waiting for a task · %n done</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in the %1: sent by %2, not yet received by %3 (sent so far: %4, received: %5).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in the %1: sent by %2, and no process reads it yet.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 waits in recv(): the %2 is empty (received so far: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 messages crossed the %2 from %3 to %4; then %4, which would read forever, was terminated by %5 (exitcode %6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) run an event loop (%1 coroutines alive) while %2 process(es) have none running yet or any more.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every worker process runs an event loop of its own: %1 coroutines alive between them, one loop per process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subprocess.run() started %1 (pid %2) and waits for it to exit, collecting what it prints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ran past the timeout: it was killed by %2 (returncode %3) and subprocess.run() raised TimeoutExpired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exited with code %2: subprocess.run() returns it as returncode, with what it wrote to stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exited with code 0: subprocess.run() returns its output and returncode 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 runs %n thread(s) besides its main thread: they share its memory and its one GIL.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 worker processes compute at once, each under a GIL of its own: none waits for another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fork() copied %1 (pid %2) into a new process, pid %3: it returned %3 in %1 and 0 in the copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run: uname printed “%1” · cat echoed “%2” · sh returned %3 (stderr “%4”) · a missing program: %5 · sleep 5: %6</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcessCard</name>
    <message>
        <source>signal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting: exec and load, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>killed by %1 · exitcode %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exited · exitcode %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pid %2): this program, the parent of every process below. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (pid %2), a child of %3 (pid %4): %5. %n thread(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n coroutine(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>done: its main thread returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more threads and coroutines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcessScene</name>
    <message numerus="yes">
        <source>parent of %n process(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>message %1: sent, not yet received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcessSide</name>
    <message>
        <source> (%1 failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>final %1: %2 updates lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>final %1: none lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each addition holds the Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Lock: load, then store</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n worker process(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>task queue: empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued %1 · running %2 · done %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: shared memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected: %1 processes × %2 = %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueScene</name>
    <message numerus="yes">
        <source>The buffer is full: %n producer(s) block in put() until a consumer takes an item.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The buffer is full: the next put() will block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The buffer is empty: %n consumer(s) block in get() until a producer puts an item.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The buffer is empty: the next get() will block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 slots in use: producers and consumers both go on without waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>producers: put()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consumers: get()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (maxsize %2): %3 in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in at the left, out at the right, oldest first (first %1 of %2 slots shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in at the left, out at the right, oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unfinished: %1 (put, not yet task_done)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked: full %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>making an item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>put item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked: empty %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handling item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1.join(): waits until unfinished is 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>joins %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RaceScene</name>
    <message>
        <source>Lost update: %1 read %2; %3 then wrote %4; %1 wrote %5 from its stale copy, so %3&apos;s change is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost update: %1 wrote %2 from a stale copy, over %3&apos;s write of %4. %3&apos;s change is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s) wait at the barrier %1, so that all start changing balance at the same moment.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 read balance, then another thread changed it: its copy is stale, and writing it back will lose that change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With %1, one thread at a time reads and writes balance; the others wait at the lock, so no update is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each thread reads balance into its own copy, changes the copy, and writes it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updates lost so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>balance = balance + n is two steps:
1. read balance into a copy
2. write copy + n back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the latest lost update:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. %1 reads %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. %1 reads balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. %1 writes %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. %1 writes %2 over it: %3 updates gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. %1 writes %2 over it</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 inside, %n waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waits for the lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overwrote an update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its update was lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no copy yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale: balance changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read, will write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>|◀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous event (←)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause the replay (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next event (→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay: 1 s = %1 of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real runs are fast: the replay slows them down so each second of animation shows this much of the run. Change the speed with [ and ].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run; after a run, pause or resume the replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the run or the replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the whole run in the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step the time cursor to the previous / next event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom the timeline in / out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay slower / faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom around the mouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pan the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+Wheel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll the lanes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an interval; lanes that waited on its lock light up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the time cursor there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the window as a PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the trace for Perfetto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light or dark theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sheet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThreadsScene</name>
    <message numerus="yes">
        <source>MainThread waits in join() until %1 finishes; %n worker(s) still alive.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>MainThread starts its workers with start(): %1 of %2 started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every worker finished and was joined. The daemon %1 still runs: nobody joins it, it stops with the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every worker finished and was joined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) run at the same time as MainThread.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>start()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>join()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in join(%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker threads: %1 of %2 started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never joined</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelinePane</name>
    <message>
        <source>Click or drag to move the time cursor; ← and → step from event to event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time since start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (daemon)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, a coroutine on its thread&apos;s event loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, native thread id %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>zoom in to see the %n handoff arrow(s) here</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>from %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timeline fills in as the run records: one lane per thread.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>clab::Scenario</name>
    <message>
        <source>async and await</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asyncio.run starts the event loop; create_task schedules coroutines that each await asyncio.sleep. They all sleep at once on one thread, so the run takes about the longest sleep, not the sum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many tasks create_task starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest sleep; task i sleeps (i+1)/tasks of it, in ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asyncio.gather</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gather runs coroutines together and returns their results in the order they were given, whatever order they finish in. If one raises, gather raises it; with return_exceptions it is returned instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many coroutines gather runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which one raises ValueError (-1: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gather(..., return_exceptions=True)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asyncio.Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer coroutines put items into an asyncio.Queue, consumers get them and call task_done. queue.join() waits until every item is handled; then the endless consumers are cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue(maxsize); 0 is unbounded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to make an item, ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to handle an item, ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asyncio.Semaphore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many coroutines want in, but `async with semaphore` lets at most `limit` of them inside at once; the others wait their turn on the semaphore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many coroutines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semaphore(limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long each stays inside, ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gevent greenlets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gevent.spawn starts greenlets, joinall waits for them, get() returns each value, and kill() stops one that would never end; afterwards it is dead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many greenlets gevent.spawn starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An async HTTP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tiny HTTP server on 127.0.0.1, like the classic aiohttp example: each handler awaits a sleep before it answers. One thread serves many clients at once, because a waiting handler lets the loop run the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients sending requests at the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests each client sends, one after another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long each handler awaits asyncio.sleep, ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coroutines against threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same waiting work on many coroutines and on as many threads, measured on this machine: memory each, time to create each, and time to switch from one to another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many coroutines, and how many threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long each one waits, ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GIL convoy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A thread sleeps 1 ms again and again while other threads compute. Each time it wakes, it must wait for the GIL until its switch interval runs out, so it resumes about one interval late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many CPU-bound threads compete with the sleeper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many 1 ms sleeps the sleeper measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More threads: GIL, no GIL, processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same CPU-bound work on 1, 2, 3 … threads with the GIL and without it, and on as many worker processes, timed for real on this machine&apos;s cores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to how many threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units of interpreted work in total, split among the threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU-bound threads and the GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same counting work, first on one thread, then split among several. Under the GIL only one thread runs Python code at a time, so splitting does not make it faster; without the GIL it does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many threads share the work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units of interpreted work in total (one unit is about one loop iteration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I/O-bound threads and the GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each request does a little Python work, then waits for I/O. A thread releases the GIL while it waits, so threads overlap their waits and finish much sooner than one thread doing every request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many threads handle requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests each thread handles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long each request waits for I/O, in ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units of Python work per request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gil: CPython&apos;s GIL; free: no GIL, like the free-threaded build (PEP 703); processes: each share in a worker process with its own GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sys.setswitchinterval: how long a waiter waits before asking for the GIL, in ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Queue between processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages the writer puts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause between messages, ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Pipe between processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages the child sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several processes each add 1 to a shared Value many times. Without the Lock their reads and writes interleave and updates are lost; with it, none are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many processes add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times each adds 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold a multiprocessing.Lock around each addition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subprocess.run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subprocess.run starts another program, waits for it and captures what it printed and its exit code. Input can be fed to it, a timeout stops a slow one, and a missing program is an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process basics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each Process is a real operating-system process with its own PID; its parent is this program. A child that changes a global changes its own copy: the parent&apos;s stays as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many child processes to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fork()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A worker process calls fork(). It returns twice: 0 in the new child, and the child&apos;s PID in the parent. Both sides report what they got.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks go to a multiprocessing Pool with apply_async; worker processes take them one by one and a callback receives each result. close() then join() waits for the workers to finish and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool(processes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long each task takes, ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads against processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same CPU-bound Python work on N threads and on N processes. The threads share one GIL, so only one computes at a time; each process has its own interpreter and GIL, so they use every core.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N: threads, then processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units of interpreted work in total, split N ways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes plus coroutines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several worker processes, each running its own event loop with many coroutines: every core gets a loop, and every loop overlaps many waits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coroutines in each process&apos;s event loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long each coroutine waits, ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locks and synchronization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coroutines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each thread holds one lock and waits for a lock another thread holds, in a cycle, so none can go on. Taking locks in one global order (ordered) prevents it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two threads and two locks, or dining philosophers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many philosophers (and forks) sit at the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fix: always take the lower-numbered lock first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times each thread needs both locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock contention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each thread repeatedly does some work holding one shared Lock and some work without it. Only one can be inside, so the others queue at the lock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many threads compete for the lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times each thread enters the critical section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work done while holding the lock, in microseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work done without the lock between entries, in microseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer and consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producers put items into a bounded Queue and consumers take them out. When the buffer is full producers wait; when it is empty consumers wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many threads put items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many threads get items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many items all producers make together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue(maxsize): how many items the buffer holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to make one item, in milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to handle one item, in milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Race condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads add n to a shared balance and take it away again, so it should end at 0. Without the lock, a write can land between another thread&apos;s read and write and be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many threads change the balance at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times each thread adds and subtracts its n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold a Lock around each change, as `with lock:` would</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thread basics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MainThread starts worker threads, each works for a while, and join() waits for them. A daemon thread is still running at the end and is stopped with the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many worker threads MainThread starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the longest worker sleeps, in milliseconds; worker i sleeps (i+1)/threads of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also start a daemon thread that never ends by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thread pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks of different lengths are submitted to a ThreadPoolExecutor. Idle workers take the next task from the queue; result() hands back each answer in the order the tasks were submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_workers of the executor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many tasks are submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortest task, in milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest task, in milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a task does: wait like I/O (sleep) or compute (cpu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A writer process puts messages into a Queue and a reader process takes them out. The reader is slower than the writer, so messages wait in the Queue. It loops forever, so the parent terminates it at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the reader takes over each message, ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipe() gives two connected ends. The child process sends messages on its end; the parent receives them on the other until the child is done and its end closes. Messages the parent has not received yet wait in the pipe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the parent takes over each message, ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>clab::StatePalette</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for a lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting on a condition, event or queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleeping or I/O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the GIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready to run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>solid bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>striped bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bar with a centre line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>half-height bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thin line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dotted bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outlined bar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
