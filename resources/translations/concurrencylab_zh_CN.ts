<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActorToken</name>
    <message>
        <source>not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>stopped (cancelled)</source>
        <translation>已停止（被取消）</translation>
    </message>
    <message>
        <source>raised an exception</source>
        <translation>抛出了异常</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>sleeping %1</source>
        <translation>休眠 %1</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>等待 %1</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: not started yet</source>
        <translation>%1：尚未启动</translation>
    </message>
</context>
<context>
    <name>AppToolBar</name>
    <message>
        <source>▶ Run</source>
        <translation>▶ 运行</translation>
    </message>
    <message>
        <source>Run the scenario on real threads (Ctrl+R; Space when nothing has run)</source>
        <translation>在真实线程上运行该场景（Ctrl+R；尚未运行过时也可按 Space）</translation>
    </message>
    <message>
        <source>‖ Pause</source>
        <translation>‖ 暂停</translation>
    </message>
    <message>
        <source>▶ Resume</source>
        <translation>▶ 继续</translation>
    </message>
    <message>
        <source>Pause or resume the replay (Space)</source>
        <translation>暂停或继续回放（Space）</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ 停止</translation>
    </message>
    <message>
        <source>Stop the run, even a deadlocked one, or the replay (Esc)</source>
        <translation>停止运行（即使已死锁）或停止回放（Esc）</translation>
    </message>
    <message>
        <source>↺ Reset</source>
        <translation>↺ 重置</translation>
    </message>
    <message>
        <source>Forget the last run (Ctrl+Backspace)</source>
        <translation>清除上一次运行（Ctrl+Backspace）</translation>
    </message>
    <message>
        <source>⇔ Fit</source>
        <translation>⇔ 适应</translation>
    </message>
    <message>
        <source>Fit the whole run into the timeline (F)</source>
        <translation>在时间线中显示整个运行过程（F）</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>Replay speed ([ slower, ] faster)</source>
        <translation>回放速度（[ 减速，] 加速）</translation>
    </message>
    <message>
        <source>Save picture</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <source>Save the window as a PNG for slides (Ctrl+E)</source>
        <translation>将窗口保存为 PNG，用于幻灯片（Ctrl+E）</translation>
    </message>
    <message>
        <source>Save trace</source>
        <translation>保存跟踪</translation>
    </message>
    <message>
        <source>Save the trace as Chrome Trace JSON for Perfetto (Ctrl+Shift+E)</source>
        <translation>将跟踪保存为 Chrome Trace JSON，供 Perfetto 使用（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>running… %1 events</source>
        <translation>运行中… %1 个事件</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Light or dark theme (Ctrl+T)</source>
        <translation>浅色或深色主题（Ctrl+T）</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>键盘快捷键（F1）</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>CatalogPane</name>
    <message>
        <source>Search scenarios</source>
        <translation>搜索场景</translation>
    </message>
    <message>
        <source>Filter by name, group or description</source>
        <translation>按名称、分组或描述筛选</translation>
    </message>
    <message>
        <source>No scenario matches “%1”.</source>
        <translation>没有与“%1”匹配的场景。</translation>
    </message>
</context>
<context>
    <name>DeadlockScene</name>
    <message>
        <source>Deadlock: %1 each hold a lock the next one wants, in a cycle (the ring). None of them can go on.</source>
        <translation>死锁：%1 各自持有下一个线程想要的锁，首尾相连形成一个环。它们都无法继续执行。</translation>
    </message>
    <message>
        <source> → </source>
        <translation> → </translation>
    </message>
    <message>
        <source>Deadlock: all %1 threads hold a lock the next one wants, in a cycle (the ring). None of them can go on.</source>
        <translation>死锁：全部 %1 个线程都持有下一个线程想要的锁，首尾相连形成一个环。它们都无法继续执行。</translation>
    </message>
    <message>
        <source>Deadlock: %1 each hold a lock the next one wants, in a cycle (the ring). None can go on; the engine found it and stopped the run.</source>
        <translation>死锁：%1 各自持有下一个线程想要的锁，首尾相连形成一个环。谁都无法继续；引擎检测到了死锁并停止了运行。</translation>
    </message>
    <message>
        <source>Deadlock: all %1 threads hold a lock the next one wants, in a cycle (the ring). None can go on; the engine stopped the run.</source>
        <translation>死锁：全部 %1 个线程都持有下一个线程想要的锁，首尾相连形成一个环。谁都无法继续；引擎停止了运行。</translation>
    </message>
    <message>
        <source>Every thread got both its locks and finished: no wait-for cycle formed.</source>
        <translation>每个线程都拿到了自己的两把锁并执行完毕：没有形成等待环。</translation>
    </message>
    <message numerus="yes">
        <source>Each thread holds its first lock and reaches for the next: %n thread(s) wait for a lock someone holds.</source>
        <translation>
            <numerusform>每个线程持有第一把锁，再去获取下一把：%n 个线程在等待别人持有的锁。</numerusform>
        </translation>
    </message>
    <message>
        <source>Each thread takes its first lock, then reaches for the next.</source>
        <translation>每个线程先获取第一把锁，再去获取下一把。</translation>
    </message>
    <message>
        <source>%1: held by %2</source>
        <translation>%1：由 %2 持有</translation>
    </message>
    <message>
        <source>%1: free</source>
        <translation>%1：空闲</translation>
    </message>
    <message>
        <source>wants %1</source>
        <translation>想要 %1</translation>
    </message>
    <message>
        <source>holds (lock → owner)</source>
        <translation>持有（锁 → 持有者）</translation>
    </message>
    <message>
        <source>waits for (thread → lock)</source>
        <translation>等待（线程 → 锁）</translation>
    </message>
</context>
<context>
    <name>DetailsBar</name>
    <message>
        <source>%1 was %2%3 from %4 for %5.</source>
        <translation>%1 自 %4 起%2%3，持续 %5。</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>Every lane that waited on %1 is highlighted.</source>
        <translation>所有等待过 %1 的泳道都已高亮显示。</translation>
    </message>
    <message>
        <source>✕</source>
        <translation>✕</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>清除选择</translation>
    </message>
</context>
<context>
    <name>GilChartScene</name>
    <message numerus="yes">
        <source>Timing %n thread(s) with the GIL: only one runs at a time.</source>
        <translation>
            <numerusform>正在对有 GIL 的 %n 个线程计时：同一时刻只有一个在运行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Timing %n thread(s) without a GIL: they run side by side on the cores.</source>
        <translation>
            <numerusform>正在对无 GIL 的 %n 个线程计时：它们在多个核心上并行运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>The chart appears when the run has timed every thread count.</source>
        <translation>运行完成所有线程数的计时后，图表才会出现。</translation>
    </message>
    <message>
        <source>One thread: %1 ms with the GIL, %2 ms without. Raise max_threads to see the lines part.</source>
        <translation>单个线程：有 GIL 时 %1 ms，无 GIL 时 %2 ms。调大 max_threads 即可看到曲线分开。</translation>
    </message>
    <message>
        <source>With the GIL, %1 threads took %2 ms against %3 ms on one: no faster, only one runs at a time.</source>
        <translation>有 GIL 时，%1 个线程用了 %2 ms，而单个线程为 %3 ms：并没有更快，同一时刻只有一个在运行。</translation>
    </message>
    <message>
        <source>With the GIL, %1 threads took %2 ms against %3 ms on one.</source>
        <translation>有 GIL 时，%1 个线程用了 %2 ms，而单个线程为 %3 ms。</translation>
    </message>
    <message>
        <source>Without it, %1 ms: %2× faster, with %3 cores to share.</source>
        <translation>没有 GIL 时为 %1 ms：速度提升到 %2 倍，共有 %3 个核心可以分担。</translation>
    </message>
    <message>
        <source>In %1 worker processes, each with its own GIL: %2 ms.</source>
        <translation>在 %1 个工作进程中（各有自己的 GIL）：%2 ms。</translation>
    </message>
    <message>
        <source>threads sharing the same work</source>
        <translation>分担同一份工作的线程数</translation>
    </message>
    <message>
        <source>wall time, ms (lower is faster)</source>
        <translation>墙钟时间，ms（越低越快）</translation>
    </message>
    <message>
        <source>cores on this machine: %1</source>
        <translation>本机核心数：%1</translation>
    </message>
    <message>
        <source>with the GIL (CPython today)</source>
        <translation>有 GIL（当今的 CPython）</translation>
    </message>
    <message>
        <source>no GIL (free-threaded build)</source>
        <translation>无 GIL（自由线程构建）</translation>
    </message>
    <message>
        <source>perfect split: one thread&apos;s time ÷ threads, up to the cores (worked out, not measured)</source>
        <translation>理想拆分：单线程耗时 ÷ 线程数，以核心数为限（计算所得，非实测）</translation>
    </message>
    <message>
        <source>worker processes, one per thread, each with its own GIL (multiprocessing)</source>
        <translation>工作进程，每个线程对应一个，各有自己的 GIL（multiprocessing）</translation>
    </message>
    <message numerus="yes">
        <source>At the cursor: %n thread(s) with the GIL, %1 running, %2 waiting for it.</source>
        <translation>
            <numerusform>光标处：有 GIL 的 %n 个线程，%1 个在运行，%2 个在等待 GIL。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At the cursor: %n thread(s) without a GIL, %1 running.</source>
        <translation>
            <numerusform>光标处：无 GIL 的 %n 个线程，%1 个在运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Measuring… the chart is drawn from the timings when the run ends.</source>
        <translation>正在测量… 运行结束后将根据计时结果绘制图表。</translation>
    </message>
    <message>
        <source>No timings yet: press Run.</source>
        <translation>还没有计时数据：请按“运行”。</translation>
    </message>
</context>
<context>
    <name>GilScene</name>
    <message>
        <source>MainThread is about to start the threads.</source>
        <translation>MainThread 即将启动这些线程。</translation>
    </message>
    <message>
        <source>Every worker process finished. Each had its own GIL, so they ran side by side on the cores.</source>
        <translation>所有工作进程都已结束。每个进程都有自己的 GIL，因此它们在多个核心上并行运行。</translation>
    </message>
    <message>
        <source>Every thread finished. Without a GIL they ran side by side on the cores.</source>
        <translation>所有线程都已结束。没有 GIL，它们在多个核心上并行运行。</translation>
    </message>
    <message>
        <source>Every thread finished. Under the GIL they took turns: only one ran at a time.</source>
        <translation>所有线程都已结束。在 GIL 之下它们轮流运行：同一时刻只有一个在运行。</translation>
    </message>
    <message numerus="yes">
        <source>Worker processes, each with its own GIL: %n of them run Python code at the same time.</source>
        <translation>
            <numerusform>工作进程各有自己的 GIL：其中 %n 个在同时运行 Python 代码。</numerusform>
        </translation>
    </message>
    <message>
        <source>No GIL: %1 threads are runnable at once, more than the %2 cores; the OS takes turns among them.</source>
        <translation>无 GIL：%1 个线程同时可运行，超过了 %2 个核心；由操作系统让它们轮流使用核心。</translation>
    </message>
    <message numerus="yes">
        <source>No GIL: %n thread(s) run Python code at the same time, each on a core of its own.</source>
        <translation>
            <numerusform>无 GIL：%n 个线程同时运行 Python 代码，各自占用一个核心。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only one thread runs at a time: %1 holds the GIL, %n thread(s) wait their turn, though %2 core(s) sit idle.</source>
        <translation>
            <numerusform>同一时刻只有一个线程在运行：%1 持有 GIL，%n 个线程排队等待，尽管还有 %2 个核心空闲。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only one thread runs at a time: %1 holds the GIL, %n thread(s) wait their turn.</source>
        <translation>
            <numerusform>同一时刻只有一个线程在运行：%1 持有 GIL，%n 个线程排队等待。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 holds the GIL; %n thread(s) wait on I/O or sleep without it, so their waits overlap.</source>
        <translation>
            <numerusform>%1 持有 GIL；%n 个线程不持有 GIL，正在等待 I/O 或休眠，因此它们的等待相互重叠。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds the GIL and runs; nobody else wants it right now.</source>
        <translation>%1 持有 GIL 并在运行；此刻没有其他线程需要它。</translation>
    </message>
    <message>
        <source>The GIL was just let go: %1, first in line, takes it next.</source>
        <translation>GIL 刚被释放：排在最前面的 %1 将接着获得它。</translation>
    </message>
    <message numerus="yes">
        <source>Nobody holds the GIL: %n thread(s) wait on I/O or sleep, and a wait does not need it.</source>
        <translation>
            <numerusform>没有线程持有 GIL：%n 个线程在等待 I/O 或休眠，而等待并不需要 GIL。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody holds the GIL right now.</source>
        <translation>此刻没有线程持有 GIL。</translation>
    </message>
    <message>
        <source>also running, %1 threads for %2 cores: the OS shares the cores among them</source>
        <translation>同样在运行：%1 个线程、%2 个核心，由操作系统在它们之间分配核心</translation>
    </message>
    <message>
        <source>no queue: without a GIL nothing stops a runnable thread</source>
        <translation>没有队列：没有 GIL，就没有什么能拦住可运行的线程</translation>
    </message>
    <message numerus="yes">
        <source>waiting for the GIL in arrival order: %n thread(s), first in line nearest the cores</source>
        <translation>
            <numerusform>按到达顺序等待 GIL：%n 个线程，排在最前的离核心最近</numerusform>
        </translation>
    </message>
    <message>
        <source>nobody waits for the GIL</source>
        <translation>没有线程在等待 GIL</translation>
    </message>
    <message>
        <source>bar: the switch interval (%1) running out; when it is full the waiter asks for a drop</source>
        <translation>进度条：切换间隔（%1）正在耗尽；填满时，等待者会请求释放 GIL</translation>
    </message>
    <message>
        <source>CPU cores on this machine: %1 · %2 in use</source>
        <translation>本机 CPU 核心：%1 · 使用中 %2</translation>
    </message>
    <message>
        <source>one GIL per process: no process waits for another&apos;s</source>
        <translation>每个进程一个 GIL：没有进程需要等待别的进程的 GIL</translation>
    </message>
    <message>
        <source>no GIL (free-threaded build): nothing to wait for</source>
        <translation>无 GIL（自由线程构建）：无需等待</translation>
    </message>
    <message>
        <source>drop request from %1: %2 must let go</source>
        <translation>%1 发出释放请求：%2 必须释放 GIL</translation>
    </message>
    <message>
        <source>drop request from %1</source>
        <translation>%1 发出释放请求</translation>
    </message>
    <message>
        <source>%1 took it after a drop request</source>
        <translation>%1 在释放请求之后获得了 GIL</translation>
    </message>
    <message>
        <source>%1 took it when %2 let go</source>
        <translation>%2 释放后，%1 获得了 GIL</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>由 %1 持有</translation>
    </message>
    <message>
        <source>the GIL is free: the next thread to ask takes it</source>
        <translation>GIL 空闲：下一个请求它的线程将获得它</translation>
    </message>
    <message>
        <source>core %1: idle
no GIL, no Python</source>
        <translation>核心 %1：空闲
没有 GIL 就不能运行 Python</translation>
    </message>
    <message>
        <source>core %1: idle</source>
        <translation>核心 %1：空闲</translation>
    </message>
    <message>
        <source>mode: processes · %1 running on %2 cores, each under its own GIL</source>
        <translation>模式：多进程 · %1 个在 %2 个核心上运行，各有自己的 GIL</translation>
    </message>
    <message>
        <source>mode: free-threaded, no GIL · %1 threads running on %2 cores</source>
        <translation>模式：自由线程，无 GIL · %1 个线程在 %2 个核心上运行</translation>
    </message>
    <message>
        <source>mode: GIL · switch interval %1 · taken %2 times so far · %3 drop requests</source>
        <translation>模式：GIL · 切换间隔 %1 · 至今已被获取 %2 次 · %3 次释放请求</translation>
    </message>
    <message>
        <source>mode: GIL · taken %1 times so far · %2 drop requests</source>
        <translation>模式：GIL · 至今已被获取 %1 次 · %2 次释放请求</translation>
    </message>
    <message>
        <source>waiting on I/O or sleeping: %1</source>
        <translation>等待 I/O 或休眠：%1</translation>
    </message>
    <message>
        <source>stepped away without the GIL, waiting on I/O or sleeping: %1</source>
        <translation>已放下 GIL，正在等待 I/O 或休眠：%1</translation>
    </message>
    <message>
        <source>elsewhere: MainThread, not started, finished</source>
        <translation>其他：MainThread、未启动、已结束</translation>
    </message>
    <message>
        <source>+%1 more running</source>
        <translation>+%1 个运行中</translation>
    </message>
    <message>
        <source>+%1 more waiting</source>
        <translation>+%1 个等待中</translation>
    </message>
    <message>
        <source>+%1 more away</source>
        <translation>+%1 个已离开</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 个</translation>
    </message>
    <message>
        <source>runs Python %1</source>
        <translation>运行 Python %1</translation>
    </message>
    <message>
        <source>pid %1 · its own GIL</source>
        <translation>pid %1 · 自己的 GIL</translation>
    </message>
    <message>
        <source>running %1</source>
        <translation>运行中 %1</translation>
    </message>
    <message>
        <source>outside Python, no GIL %1</source>
        <translation>在 Python 之外，无 GIL %1</translation>
    </message>
    <message>
        <source>runnable, shares a core</source>
        <translation>可运行，共享核心</translation>
    </message>
    <message>
        <source>#%1 · %2</source>
        <translation>#%1 · %2</translation>
    </message>
    <message>
        <source>I/O %1</source>
        <translation>I/O %1</translation>
    </message>
    <message>
        <source>sleep, wakes in %1</source>
        <translation>休眠，%1 后唤醒</translation>
    </message>
    <message>
        <source>sleep, due now</source>
        <translation>休眠，即将唤醒</translation>
    </message>
    <message>
        <source>join() %1</source>
        <translation>join() %1</translation>
    </message>
    <message>
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <source>The GIL: %1 holds it and may run Python code</source>
        <translation>GIL：由 %1 持有，它可以运行 Python 代码</translation>
    </message>
    <message>
        <source>The GIL: free</source>
        <translation>GIL：空闲</translation>
    </message>
    <message>
        <source>no queue: each process runs under its own GIL</source>
        <translation>没有队列：每个进程都在自己的 GIL 下运行</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>%1: drawn as a %2</source>
        <translation>%1：显示为%2</translation>
    </message>
    <message>
        <source>release → the waiter it let in</source>
        <translation>release → 被它放行的等待者</translation>
    </message>
    <message>
        <source>put → the get it fed</source>
        <translation>put → 由它满足的 get</translation>
    </message>
    <message>
        <source>submit → worker</source>
        <translation>submit → 工作线程</translation>
    </message>
    <message>
        <source>start / join</source>
        <translation>start / join</translation>
    </message>
    <message>
        <source>tick: acquire (tall) / release (short)</source>
        <translation>刻度线：acquire（长）/ release（短）</translation>
    </message>
</context>
<context>
    <name>LockScene</name>
    <message>
        <source>#%1 · %2</source>
        <translation>#%1 · %2</translation>
    </message>
    <message>
        <source>inside, has it</source>
        <translation>在内部，已持有</translation>
    </message>
    <message>
        <source>%1 holds %2; nobody waits.</source>
        <translation>%1 持有 %2；没有线程在等待。</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %2; %n thread(s) queue at the gate. %3 has waited longest.</source>
        <translation>
            <numerusform>%1 持有 %2；%n 个线程在门口排队。%3 等得最久。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was just released: %2, first in line, gets it next.</source>
        <translation>%1 刚被释放：排在最前面的 %2 将接着获得它。</translation>
    </message>
    <message>
        <source>%1 is free: the next thread to call acquire() walks straight in.</source>
        <translation>%1 空闲：下一个调用 acquire() 的线程可以直接进入。</translation>
    </message>
    <message>
        <source>elsewhere: working outside the lock</source>
        <translation>其他：在锁外工作</translation>
    </message>
    <message numerus="yes">
        <source>waiting at %1 in arrival order: %n thread(s), first in line nearest the gate</source>
        <translation>
            <numerusform>按到达顺序在 %1 处等待：%n 个线程，排在最前的离门最近</numerusform>
        </translation>
    </message>
    <message>
        <source>nobody waits at %1</source>
        <translation>没有线程在 %1 处等待</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 of %2 free</source>
        <translation>空闲 %1 / %2</translation>
    </message>
    <message>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>last woken by %1</source>
        <translation>最近由 %1 唤醒</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
</context>
<context>
    <name>LoopScene</name>
    <message>
        <source>running %1</source>
        <translation>运行中 %1</translation>
    </message>
    <message>
        <source>#%1 · ready %2</source>
        <translation>#%1 · 就绪 %2</translation>
    </message>
    <message>
        <source>wakes in %1</source>
        <translation>%1 后唤醒</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>即将唤醒</translation>
    </message>
    <message>
        <source>socket %1</source>
        <translation>套接字 %1</translation>
    </message>
    <message>
        <source>awaits %1</source>
        <translation>等待 %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>awaits results · %1</source>
        <translation>等待结果 · %1</translation>
    </message>
    <message>
        <source>waits %1</source>
        <translation>等待 %1</translation>
    </message>
    <message>
        <source>asyncio.run() starts the event loop on %1.</source>
        <translation>asyncio.run() 在 %1 上启动事件循环。</translation>
    </message>
    <message>
        <source>The coroutines are done. Now the same wait on OS threads: %1 of %2 alive, each with a stack of its own.</source>
        <translation>协程已全部完成。现在用操作系统线程做同样的等待：%2 个中有 %1 个存活，每个都有自己的栈。</translation>
    </message>
    <message>
        <source>Both sides are done: the figures measured on this machine are at the right.</source>
        <translation>两边都已完成：本机实测的数据显示在右侧。</translation>
    </message>
    <message>
        <source>Every task finished; asyncio.run() closes the loop.</source>
        <translation>所有任务都已完成；asyncio.run() 关闭事件循环。</translation>
    </message>
    <message numerus="yes">
        <source>One coroutine at a time on one thread: %1 runs, %n more are ready and wait their turn.</source>
        <translation>
            <numerusform>一个线程上同一时刻只运行一个协程：%1 正在运行，另有 %n 个已就绪，排队等待。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 runs on the loop; the others wait for timers, sockets or each other without using a thread.</source>
        <translation>%1 在事件循环上运行；其余协程在等待定时器、套接字或彼此，并不占用线程。</translation>
    </message>
    <message>
        <source>Nothing is ready: the loop sleeps in epoll_wait until the next timer (in %1) or a socket wakes it.</source>
        <translation>没有就绪的协程：事件循环在 epoll_wait 中休眠，直到下一个定时器（%1 后）或某个套接字将它唤醒。</translation>
    </message>
    <message>
        <source>Nothing is ready yet: a timer is due, and the loop is waking up from epoll_wait to run it.</source>
        <translation>暂无就绪的协程：一个定时器已到期，事件循环正从 epoll_wait 中醒来去执行它。</translation>
    </message>
    <message>
        <source>Nothing is ready: the loop sleeps in epoll_wait until a socket wakes it.</source>
        <translation>没有就绪的协程：事件循环在 epoll_wait 中休眠，直到某个套接字将它唤醒。</translation>
    </message>
    <message numerus="yes">
        <source>The loop picks the next ready coroutine: %n ready, first in line %1.</source>
        <translation>
            <numerusform>事件循环挑选下一个就绪的协程：%n 个已就绪，排在最前的是 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The loop checks its timers and sockets.</source>
        <translation>事件循环检查它的定时器和套接字。</translation>
    </message>
    <message numerus="yes">
        <source>ready to run, in the order they became ready: %n (next one at the right)</source>
        <translation>
            <numerusform>就绪，按就绪先后排列：%n 个（下一个在最右边）</numerusform>
        </translation>
    </message>
    <message>
        <source>ready to run: nobody</source>
        <translation>就绪：无</translation>
    </message>
    <message>
        <source>+%1 more ready</source>
        <translation>+%1 个就绪</translation>
    </message>
    <message>
        <source>the event loop: one coroutine at a time</source>
        <translation>事件循环：一次一个协程</translation>
    </message>
    <message>
        <source>idle in epoll_wait %1</source>
        <translation>在 epoll_wait 中空闲 %1</translation>
    </message>
    <message>
        <source>join() %1</source>
        <translation>join() %1</translation>
    </message>
    <message>
        <source>done with the loop</source>
        <translation>事件循环已结束</translation>
    </message>
    <message>
        <source>runs the loop: resumed %1</source>
        <translation>运行事件循环：恢复了 %1</translation>
    </message>
    <message>
        <source>runs the loop</source>
        <translation>运行事件循环</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>正在运行</translation>
    </message>
    <message>
        <source>empty: loop idle</source>
        <translation>空：事件循环空闲</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>sleeping (timers), soonest first: %1</source>
        <translation>休眠中（定时器），最早到期的在前：%1</translation>
    </message>
    <message>
        <source>waiting on a socket (epoll): %1</source>
        <translation>等待套接字（epoll）：%1</translation>
    </message>
    <message>
        <source>awaiting a queue, lock, event or task: %1</source>
        <translation>等待队列、锁、事件或任务：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1：%n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 of %3 free</source>
        <translation>%1：空闲 %2 / %3</translation>
    </message>
    <message>
        <source>%1: set</source>
        <translation>%1：已设置</translation>
    </message>
    <message>
        <source>%1: not set</source>
        <translation>%1：未设置</translation>
    </message>
    <message>
        <source>%1: held by %2</source>
        <translation>%1：由 %2 持有</translation>
    </message>
    <message>
        <source>%1: free</source>
        <translation>%1：空闲</translation>
    </message>
    <message>
        <source>+%1 more sleeping</source>
        <translation>+%1 个休眠中</translation>
    </message>
    <message>
        <source>+%1 more on sockets</source>
        <translation>+%1 个等待套接字</translation>
    </message>
    <message>
        <source>+%1 more awaiting</source>
        <translation>+%1 个等待中</translation>
    </message>
    <message>
        <source>finished: %1 · still to come: %2</source>
        <translation>已完成：%1 · 尚未开始：%2</translation>
    </message>
    <message>
        <source>tasks finished: %1 of %2</source>
        <translation>已完成任务：%1 / %2</translation>
    </message>
    <message>
        <source>create one</source>
        <translation>创建一个</translation>
    </message>
    <message>
        <source>memory each</source>
        <translation>每个的内存</translation>
    </message>
    <message>
        <source>one switch</source>
        <translation>一次切换</translation>
    </message>
    <message>
        <source>all of them, wall time</source>
        <translation>全部，墙钟时间</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>Measured on this machine, %1 of each:</source>
        <translation>本机实测，各 %1 个：</translation>
    </message>
    <message>
        <source>Measured on this machine:</source>
        <translation>本机实测：</translation>
    </message>
    <message>
        <source>coroutines</source>
        <translation>协程</translation>
    </message>
    <message>
        <source>OS threads</source>
        <translation>操作系统线程</translation>
    </message>
    <message>
        <source>The figures appear when the run ends.</source>
        <translation>运行结束后显示数据。</translation>
    </message>
    <message>
        <source>Starting threads failed: %1</source>
        <translation>启动线程失败：%1</translation>
    </message>
    <message>
        <source>coroutines of this run: %1 · %2 asleep, %3 finished</source>
        <translation>本次运行的协程：%1 · %2 个休眠，%3 个已结束</translation>
    </message>
    <message>
        <source>OS threads of this run: none yet</source>
        <translation>本次运行的操作系统线程：暂无</translation>
    </message>
    <message>
        <source>OS threads of this run: %1 · %2 asleep, %3 finished</source>
        <translation>本次运行的操作系统线程：%1 · %2 个休眠，%3 个已结束</translation>
    </message>
    <message>
        <source>one dot each, in its state&apos;s colour; hollow: not started yet</source>
        <translation>每个一个点，颜色表示其状态；空心：尚未启动</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Concurrency Lab — %1</source>
        <translation>并发实验室 — %1</translation>
    </message>
    <message>
        <source>Concurrency Lab</source>
        <translation>并发实验室</translation>
    </message>
    <message>
        <source>Press Run (Space) to start %1 on real threads.</source>
        <translation>按“运行”（Space）在真实线程上启动 %1。</translation>
    </message>
    <message>
        <source>Saved the window to %1</source>
        <translation>已将窗口保存到 %1</translation>
    </message>
    <message>
        <source>Saved the trace to %1 (open it in ui.perfetto.dev)</source>
        <translation>已将跟踪保存到 %1（可在 ui.perfetto.dev 中打开）</translation>
    </message>
</context>
<context>
    <name>MetricsPane</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>events</source>
        <translation>事件数</translation>
    </message>
    <message>
        <source>lanes</source>
        <translation>泳道数</translation>
    </message>
    <message>
        <source>elapsed</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>在结束前被停止。</translation>
    </message>
    <message>
        <source>The scenario raised: %1</source>
        <translation>场景抛出了异常：%1</translation>
    </message>
    <message>
        <source>Lock waits: how many waited how long</source>
        <translation>锁等待：各时长的等待次数</translation>
    </message>
    <message>
        <source>Pool throughput: tasks finished per interval</source>
        <translation>池吞吐量：每个时间段完成的任务数</translation>
    </message>
</context>
<context>
    <name>ParameterPane</name>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Put every parameter back to its default</source>
        <translation>将所有参数恢复为默认值</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>seed</translation>
    </message>
    <message>
        <source>Seed for the scenario&apos;s random choices: the same seed repeats them</source>
        <translation>场景中随机选择所用的种子：相同的种子会重现相同的选择</translation>
    </message>
</context>
<context>
    <name>PipeTube</name>
    <message>
        <source>no reader yet</source>
        <translation>还没有读取者</translation>
    </message>
    <message>
        <source>%1: %2 sent · %3 in flight · %4 received</source>
        <translation>%1：已发送 %2 · 传输中 %3 · 已接收 %4</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>另外 %1 个</translation>
    </message>
</context>
<context>
    <name>PoolScene</name>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>#%1 → %2</source>
        <translation>#%1 → %2</translation>
    </message>
    <message>
        <source>#%1 done</source>
        <translation>#%1 完成</translation>
    </message>
    <message>
        <source>#%1 raised</source>
        <translation>#%1 异常</translation>
    </message>
    <message>
        <source>All %1 tasks are done: every future holds its result, and result() returns at once.</source>
        <translation>全部 %1 个任务都已完成：每个 future 都保存着结果，result() 会立即返回。</translation>
    </message>
    <message numerus="yes">
        <source>Every worker is busy: %n task(s) wait on the queue for the next worker to come free.</source>
        <translation>
            <numerusform>所有工作线程都在忙：%n 个任务在队列中等待下一个空闲的工作线程。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The queue is empty: %n worker(s) sit idle, waiting for work.</source>
        <translation>
            <numerusform>队列已空：%n 个工作线程空闲，等待任务。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 queued, %2 of %3 workers busy, %4 done.</source>
        <translation>%1 个排队，%3 个工作线程中 %2 个在忙，%4 个已完成。</translation>
    </message>
    <message numerus="yes">
        <source>work queue: %n task(s) submitted, not started (next one at the right)</source>
        <translation>
            <numerusform>工作队列：%n 个任务已提交、尚未开始（下一个在最右边）</numerusform>
        </translation>
    </message>
    <message>
        <source>waits in result()</source>
        <translation>在 result() 中等待</translation>
    </message>
    <message>
        <source>submit()</source>
        <translation>submit()</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 个</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>%1 worker threads %2…: %3 busy, %4 idle</source>
        <translation>%1 个工作线程 %2…：%3 个忙碌，%4 个空闲</translation>
    </message>
    <message>
        <source>%1 worker threads: %2 busy, %3 idle</source>
        <translation>%1 个工作线程：%2 个忙碌，%3 个空闲</translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation>工作线程 %1</translation>
    </message>
    <message>
        <source>busy %1</source>
        <translation>忙碌 %1</translation>
    </message>
    <message>
        <source>shut down</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>done futures, newest first: %1 (%2 raised) · result() →</source>
        <translation>已完成的 future，最新的在前：%1（%2 个抛出异常）· result() →</translation>
    </message>
    <message>
        <source>done futures, newest first: %1 · task → result()</source>
        <translation>已完成的 future，最新的在前：%1 · 任务 → result()</translation>
    </message>
    <message>
        <source>task #%1: submitted, waiting for a worker</source>
        <translation>任务 #%1：已提交，等待工作线程</translation>
    </message>
    <message>
        <source>task #%1: running on a worker</source>
        <translation>任务 #%1：正在工作线程上运行</translation>
    </message>
    <message>
        <source>task #%1: done; its future holds the result</source>
        <translation>任务 #%1：已完成；其 future 保存着结果</translation>
    </message>
</context>
<context>
    <name>ProcessCaption</name>
    <message>
        <source>signal %1</source>
        <translation>信号 %1</translation>
    </message>
    <message>
        <source>%1 is starting: the OS has made a new process (pid %2) and it loads the program before it can run anything (%3 so far).</source>
        <translation>%1 正在启动：操作系统已创建新进程（pid %2），它要先加载程序才能运行任何代码（已用 %3）。</translation>
    </message>
    <message>
        <source>All %1 messages crossed the %2 from %3 to %4: the processes share no memory, only these messages.</source>
        <translation>全部 %1 条消息都经由 %2 从 %3 传到了 %4：进程之间不共享内存，只传递这些消息。</translation>
    </message>
    <message>
        <source>%1 additions, but the block holds %2: %3 updates were lost where one process&apos;s load and store straddled another&apos;s.</source>
        <translation>共 %1 次加法，但内存块中的值是 %2：丢失了 %3 次更新，因为一个进程的读取与写入之间夹进了另一个进程的读写。</translation>
    </message>
    <message>
        <source>%1 additions and the block holds %2: with the Lock around each one, none was lost.</source>
        <translation>共 %1 次加法，内存块中的值是 %2：每次加法都由 Lock 保护，没有更新丢失。</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) add 1 to the shared block at once, MainProcess reads it as they go: %1 now.</source>
        <translation>
            <numerusform>%n 个进程同时对共享内存块加 1，MainProcess 边运行边读取：当前为 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n adder process(es) attach to the shared block and get ready to add together.</source>
        <translation>
            <numerusform>%n 个加法进程连接到共享内存块，准备一起做加法。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Threads of one process share its GIL: %n of them wait for it while one runs Python.</source>
        <translation>
            <numerusform>同一进程的线程共享该进程的 GIL：一个线程运行 Python 时，其中 %n 个在等待 GIL。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every worker process is busy: %n task(s) wait in the Pool&apos;s queue.</source>
        <translation>
            <numerusform>所有工作进程都在忙：%n 个任务在 Pool 的队列中等待。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 worker processes run a task; %3 queued, %4 done.</source>
        <translation>%2 个工作进程中有 %1 个在运行任务；%3 个排队，%4 个已完成。</translation>
    </message>
    <message>
        <source>All %1 tasks are done: each ran in a worker process, and its result came back over that worker&apos;s pipe.</source>
        <translation>全部 %1 个任务都已完成：每个任务都在某个工作进程中运行，结果通过该工作进程的管道传回。</translation>
    </message>
    <message>
        <source>%1 was killed by %2: its exitcode is %3, minus the signal&apos;s number.</source>
        <translation>%1 被 %2 杀死：它的 exitcode 为 %3，即信号编号的负值。</translation>
    </message>
    <message numerus="yes">
        <source>%1 exited with code %2; %n child process(es) still run.</source>
        <translation>
            <numerusform>%1 已退出，退出码为 %2；仍有 %n 个子进程在运行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 exited; %n child process(es) still run.</source>
        <translation>
            <numerusform>%1 已退出；仍有 %n 个子进程在运行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every child has exited: %1 (pid %2) started %n process(es), each with its own PID and memory.</source>
        <translation>
            <numerusform>所有子进程都已退出：%1（pid %2）共启动了 %n 个进程，每个都有自己的 PID 和内存。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n child process(es) of %1 (pid %2) run, each with its own PID and its own memory.</source>
        <translation>
            <numerusform>%1（pid %2）的 %n 个子进程正在运行，每个都有自己的 PID 和内存。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (pid %2) runs this scenario; the processes it starts will appear below it.</source>
        <translation>%1（pid %2）运行本场景；它启动的进程将显示在其下方。</translation>
    </message>
    <message>
        <source>The run: MainProcess is pid %1, the parent of each child (ppid checked: %2). One child set its global to %3; the parent&apos;s copy stayed %4. The one killed: exitcode %5.</source>
        <translation>本次运行：MainProcess 的 pid 为 %1，是每个子进程的父进程（ppid 核对：%2）。一个子进程把它的全局变量设为 %3；父进程中的副本仍为 %4。被杀死的那个：exitcode %5。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>The run: fork() returned %1 in the child and %2 in the parent (pid %3), which is the child&apos;s pid %4.</source>
        <translation>本次运行：fork() 在子进程中返回 %1，在父进程（pid %3）中返回 %2，也就是子进程的 pid %4。</translation>
    </message>
    <message>
        <source>The run: %1 tasks done, %2 callbacks, worker pids %3.</source>
        <translation>本次运行：完成 %1 个任务，%2 次回调，工作进程 pid：%3。</translation>
    </message>
    <message>
        <source>The run: %1 messages put, %2 received; the endless reader was terminated (exitcode %3).</source>
        <translation>本次运行：放入 %1 条消息，收到 %2 条；无限循环的读取进程被终止（exitcode %3）。</translation>
    </message>
    <message>
        <source>The run: %1 messages sent, %2 received, from pid %3.</source>
        <translation>本次运行：发送 %1 条消息，收到 %2 条，发送方 pid %3。</translation>
    </message>
    <message>
        <source>The run: expected %1, final %2, lost updates %3.</source>
        <translation>本次运行：期望值 %1，最终值 %2，丢失的更新 %3。</translation>
    </message>
    <message>
        <source>Measured on %1 cores: serial %2 · %3 threads %4 (×%5) · %3 processes %6 (×%7).</source>
        <translation>在 %1 个核心上实测：串行 %2 · %3 个线程 %4（×%5）· %3 个进程 %6（×%7）。</translation>
    </message>
    <message>
        <source>The run: %1 coroutines in %2 processes, all done in %3.</source>
        <translation>本次运行：%2 个进程中共 %1 个协程，全部在 %3 内完成。</translation>
    </message>
    <message>
        <source>fork() returned %1 here: the new child&apos;s pid</source>
        <translation>fork() 在这里返回 %1：新子进程的 pid</translation>
    </message>
    <message>
        <source>fork() returned 0 here: it is the child</source>
        <translation>fork() 在这里返回 0：它就是子进程</translation>
    </message>
    <message numerus="yes">
        <source>ran %n task(s)</source>
        <translation>
            <numerusform>运行了 %n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>its last write: %1</source>
        <translation>它最后写入的值：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 threads, one GIL: %n wait for it</source>
        <translation>
            <numerusform>%1 个线程、一个 GIL：%n 个在等待它</numerusform>
        </translation>
    </message>
    <message>
        <source>adds 1 again and again (began at %1)</source>
        <translation>反复加 1（开始时为 %1）</translation>
    </message>
    <message>
        <source>done adding: its last write was %1</source>
        <translation>加法完成：它最后写入的值为 %1</translation>
    </message>
    <message numerus="yes">
        <source>runs task #%1 · %n done</source>
        <translation>
            <numerusform>正在运行任务 #%1 · 已完成 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>waits in recv() for a message on %1</source>
        <translation>在 recv() 中等待 %1 上的消息</translation>
    </message>
    <message>
        <source>waits in join() for %1</source>
        <translation>在 join() 中等待 %1</translation>
    </message>
    <message>
        <source>waits for results (%1)</source>
        <translation>等待结果（%1）</translation>
    </message>
    <message>
        <source>start(): waits until %1 is ready</source>
        <translation>start()：等待 %1 就绪</translation>
    </message>
    <message>
        <source>subprocess.run() waits for the child to exit</source>
        <translation>subprocess.run() 等待子进程退出</translation>
    </message>
    <message>
        <source>waits on I/O (%1)</source>
        <translation>等待 I/O（%1）</translation>
    </message>
    <message>
        <source>handles message %1 (%2)</source>
        <translation>处理消息 %1（%2）</translation>
    </message>
    <message>
        <source>sent message %1, pauses (%2)</source>
        <translation>已发送消息 %1，暂停中（%2）</translation>
    </message>
    <message>
        <source>reads the counter every ¼ ms: %1</source>
        <translation>每 ¼ ms 读取一次计数器：%1</translation>
    </message>
    <message>
        <source>sleeps (%1)</source>
        <translation>休眠（%1）</translation>
    </message>
    <message>
        <source>reads the counter: %1</source>
        <translation>读取计数器：%1</translation>
    </message>
    <message>
        <source>sent message %1</source>
        <translation>已发送消息 %1</translation>
    </message>
    <message>
        <source>received message %1</source>
        <translation>已接收消息 %1</translation>
    </message>
    <message numerus="yes">
        <source>idle, waiting for a task · %n done</source>
        <translation>
            <numerusform>空闲，等待任务 · 已完成 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in the %1: sent by %2, not yet received by %3 (sent so far: %4, received: %5).</source>
        <translation>
            <numerusform>%1 中有 %n 条消息：由 %2 发送，%3 尚未接收（目前已发送 %4，已接收 %5）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in the %1: sent by %2, and no process reads it yet.</source>
        <translation>
            <numerusform>%1 中有 %n 条消息：由 %2 发送，还没有进程读取它。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 waits in recv(): the %2 is empty (received so far: %3).</source>
        <translation>%1 在 recv() 中等待：%2 是空的（目前已接收 %3）。</translation>
    </message>
    <message>
        <source>All %1 messages crossed the %2 from %3 to %4; then %4, which would read forever, was terminated by %5 (exitcode %6).</source>
        <translation>全部 %1 条消息都经由 %2 从 %3 传到了 %4；随后会一直读下去的 %4 被 %5 终止（exitcode %6）。</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) run an event loop (%1 coroutines alive) while %2 process(es) have none running yet or any more.</source>
        <translation>
            <numerusform>%n 个进程在运行事件循环（存活协程 %1 个），另有 %2 个进程尚未运行或已不再运行事件循环。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every worker process runs an event loop of its own: %1 coroutines alive between them, one loop per process.</source>
        <translation>每个工作进程都运行着自己的事件循环：共有 %1 个存活协程，每个进程一个事件循环。</translation>
    </message>
    <message>
        <source>subprocess.run() started %1 (pid %2) and waits for it to exit, collecting what it prints.</source>
        <translation>subprocess.run() 启动了 %1（pid %2），正在等待它退出并收集它的输出。</translation>
    </message>
    <message>
        <source>%1 ran past the timeout: it was killed by %2 (returncode %3) and subprocess.run() raised TimeoutExpired.</source>
        <translation>%1 超过了 timeout：它被 %2 杀死（returncode %3），subprocess.run() 抛出 TimeoutExpired。</translation>
    </message>
    <message>
        <source>%1 exited with code %2: subprocess.run() returns it as returncode, with what it wrote to stderr.</source>
        <translation>%1 以退出码 %2 退出：subprocess.run() 把它作为 returncode 返回，连同它写到 stderr 的内容。</translation>
    </message>
    <message>
        <source>%1 exited with code 0: subprocess.run() returns its output and returncode 0.</source>
        <translation>%1 以退出码 0 退出：subprocess.run() 返回它的输出和 returncode 0。</translation>
    </message>
    <message numerus="yes">
        <source>%1 runs %n thread(s) besides its main thread: they share its memory and its one GIL.</source>
        <translation>
            <numerusform>%1 除主线程外还运行着 %n 个线程：它们共享该进程的内存和唯一的 GIL。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 worker processes compute at once, each under a GIL of its own: none waits for another.</source>
        <translation>%1 个工作进程同时计算，各自在自己的 GIL 之下：谁也不用等谁。</translation>
    </message>
    <message>
        <source>fork() copied %1 (pid %2) into a new process, pid %3: it returned %3 in %1 and 0 in the copy.</source>
        <translation>fork() 把 %1（pid %2）复制成一个新进程，pid 为 %3：它在 %1 中返回 %3，在副本中返回 0。</translation>
    </message>
    <message>
        <source>The run: uname printed “%1” · cat echoed “%2” · sh returned %3 (stderr “%4”) · a missing program: %5 · sleep 5: %6</source>
        <translation>本次运行：uname 输出“%1” · cat 回显“%2” · sh 返回 %3（stderr“%4”） · 不存在的程序：%5 · sleep 5：%6</translation>
    </message>
</context>
<context>
    <name>ProcessCard</name>
    <message>
        <source>signal %1</source>
        <translation>信号 %1</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>尚未启动</translation>
    </message>
    <message>
        <source>starting: exec and load, %1</source>
        <translation>启动中：exec 并加载，%1</translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation>已运行 %1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>killed by %1 · exitcode %2</source>
        <translation>被 %1 杀死 · exitcode %2</translation>
    </message>
    <message>
        <source>exited · exitcode %1</source>
        <translation>已退出 · exitcode %1</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>%1 (pid %2): this program, the parent of every process below. %3</source>
        <translation>%1（pid %2）：本程序，下方所有进程的父进程。%3</translation>
    </message>
    <message numerus="yes">
        <source>%1 (pid %2), a child of %3 (pid %4): %5. %n thread(s)</source>
        <translation>
            <numerusform>%1（pid %2），%3（pid %4）的子进程：%5。%n 个线程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n coroutine(s)</source>
        <translation>
            <numerusform>，%n 个协程</numerusform>
        </translation>
    </message>
    <message>
        <source>done: its main thread returned</source>
        <translation>完成：它的主线程已返回</translation>
    </message>
    <message>
        <source>+%1 more threads and coroutines</source>
        <translation>另外 %1 个线程和协程</translation>
    </message>
</context>
<context>
    <name>ProcessScene</name>
    <message numerus="yes">
        <source>parent of %n process(es)</source>
        <translation>
            <numerusform>%n 个进程的父进程</numerusform>
        </translation>
    </message>
    <message>
        <source>message %1: sent, not yet received</source>
        <translation>消息 %1：已发送，尚未接收</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>任务 %1</translation>
    </message>
</context>
<context>
    <name>ProcessSide</name>
    <message>
        <source> (%1 failed)</source>
        <translation>（%1 个失败）</translation>
    </message>
    <message>
        <source>final %1: %2 updates lost</source>
        <translation>最终 %1：丢失 %2 次更新</translation>
    </message>
    <message>
        <source>final %1: none lost</source>
        <translation>最终 %1：无丢失</translation>
    </message>
    <message>
        <source>each addition holds the Lock</source>
        <translation>每次加法都持有 Lock</translation>
    </message>
    <message>
        <source>no Lock: load, then store</source>
        <translation>无 Lock：先读取，再写入</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n worker process(es)</source>
        <translation>
            <numerusform>%n 个工作进程中的 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>task queue: empty</source>
        <translation>任务队列：空</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>queued %1 · running %2 · done %3</source>
        <translation>排队 %1 · 运行中 %2 · 已完成 %3</translation>
    </message>
    <message>
        <source>%1: shared memory</source>
        <translation>%1：共享内存</translation>
    </message>
    <message>
        <source>expected: %1 processes × %2 = %3</source>
        <translation>预期：%1 个进程 × %2 = %3</translation>
    </message>
</context>
<context>
    <name>QueueScene</name>
    <message numerus="yes">
        <source>The buffer is full: %n producer(s) block in put() until a consumer takes an item.</source>
        <translation>
            <numerusform>缓冲区已满：%n 个生产者阻塞在 put() 中，直到有消费者取走一项。</numerusform>
        </translation>
    </message>
    <message>
        <source>The buffer is full: the next put() will block.</source>
        <translation>缓冲区已满：下一次 put() 将阻塞。</translation>
    </message>
    <message numerus="yes">
        <source>The buffer is empty: %n consumer(s) block in get() until a producer puts an item.</source>
        <translation>
            <numerusform>缓冲区为空：%n 个消费者阻塞在 get() 中，直到有生产者放入一项。</numerusform>
        </translation>
    </message>
    <message>
        <source>The buffer is empty: the next get() will block.</source>
        <translation>缓冲区为空：下一次 get() 将阻塞。</translation>
    </message>
    <message>
        <source>%1 of %2 slots in use: producers and consumers both go on without waiting.</source>
        <translation>已使用 %1 / %2 个槽位：生产者和消费者都无需等待。</translation>
    </message>
    <message>
        <source>producers: put()</source>
        <translation>生产者：put()</translation>
    </message>
    <message>
        <source>consumers: get()</source>
        <translation>消费者：get()</translation>
    </message>
    <message>
        <source>%1 (maxsize %2): %3 in it</source>
        <translation>%1（maxsize %2）：内有 %3 项</translation>
    </message>
    <message>
        <source>in at the left, out at the right, oldest first (first %1 of %2 slots shown)</source>
        <translation>左进右出，最早的在前（显示 %2 个槽位中的前 %1 个）</translation>
    </message>
    <message>
        <source>in at the left, out at the right, oldest first</source>
        <translation>左进右出，最早的在前</translation>
    </message>
    <message>
        <source>unfinished: %1 (put, not yet task_done)</source>
        <translation>未完成：%1（已 put，尚未 task_done）</translation>
    </message>
    <message>
        <source>blocked: full %1</source>
        <translation>阻塞：队列满 %1</translation>
    </message>
    <message>
        <source>making an item</source>
        <translation>正在生产一项</translation>
    </message>
    <message>
        <source>put item %1</source>
        <translation>已放入项 %1</translation>
    </message>
    <message>
        <source>blocked: empty %1</source>
        <translation>阻塞：队列空 %1</translation>
    </message>
    <message>
        <source>handling item %1</source>
        <translation>正在处理项 %1</translation>
    </message>
    <message>
        <source>in %1.join(): waits until unfinished is 0</source>
        <translation>在 %1.join() 中：等待未完成数降为 0</translation>
    </message>
    <message>
        <source>joins %1</source>
        <translation>join() 等待 %1</translation>
    </message>
    <message>
        <source>item</source>
        <translation>项</translation>
    </message>
</context>
<context>
    <name>RaceScene</name>
    <message>
        <source>Lost update: %1 read %2; %3 then wrote %4; %1 wrote %5 from its stale copy, so %3&apos;s change is gone.</source>
        <translation>丢失的更新：%1 读到 %2；随后 %3 写入了 %4；%1 又根据它过时的副本写入 %5，于是 %3 的修改丢失了。</translation>
    </message>
    <message>
        <source>Lost update: %1 wrote %2 from a stale copy, over %3&apos;s write of %4. %3&apos;s change is gone.</source>
        <translation>丢失的更新：%1 根据过时的副本写入 %2，覆盖了 %3 写入的 %4。%3 的修改丢失了。</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s) wait at the barrier %1, so that all start changing balance at the same moment.</source>
        <translation>
            <numerusform>%n 个线程在屏障 %1 处等待，以便同时开始修改 balance。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 read balance, then another thread changed it: its copy is stale, and writing it back will lose that change.</source>
        <translation>%1 读取了 balance，随后另一个线程修改了它：它的副本已过时，写回时会丢掉那次修改。</translation>
    </message>
    <message>
        <source>With %1, one thread at a time reads and writes balance; the others wait at the lock, so no update is lost.</source>
        <translation>有了 %1，每次只有一个线程读写 balance；其他线程在锁前等待，因此没有更新丢失。</translation>
    </message>
    <message>
        <source>Each thread reads balance into its own copy, changes the copy, and writes it back.</source>
        <translation>每个线程把 balance 读入自己的副本，修改副本，再写回去。</translation>
    </message>
    <message>
        <source>shared %1</source>
        <translation>共享的 %1</translation>
    </message>
    <message>
        <source>updates lost so far</source>
        <translation>至今丢失的更新</translation>
    </message>
    <message>
        <source>balance = balance + n is two steps:
1. read balance into a copy
2. write copy + n back</source>
        <translation>balance = balance + n 分为两步：
1. 把 balance 读入副本
2. 把副本 + n 写回</translation>
    </message>
    <message>
        <source>the latest lost update:</source>
        <translation>最近一次丢失的更新：</translation>
    </message>
    <message>
        <source>1. %1 reads %2</source>
        <translation>1. %1 读到 %2</translation>
    </message>
    <message>
        <source>1. %1 reads balance</source>
        <translation>1. %1 读取 balance</translation>
    </message>
    <message>
        <source>2. %1 writes %2</source>
        <translation>2. %1 写入 %2</translation>
    </message>
    <message>
        <source>3. %1 writes %2 over it: %3 updates gone</source>
        <translation>3. %1 写入 %2 将其覆盖：%3 次更新丢失</translation>
    </message>
    <message>
        <source>3. %1 writes %2 over it</source>
        <translation>3. %1 写入 %2 将其覆盖</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 inside, %n waiting</source>
        <translation>
            <numerusform>%1：%2 在内，%n 个在等待</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 inside</source>
        <translation>%1：%2 在内</translation>
    </message>
    <message>
        <source>%1: free</source>
        <translation>%1：空闲</translation>
    </message>
    <message>
        <source>waits for the lock</source>
        <translation>等待锁</translation>
    </message>
    <message>
        <source>overwrote an update</source>
        <translation>覆盖了一次更新</translation>
    </message>
    <message>
        <source>its update was lost</source>
        <translation>它的更新丢失了</translation>
    </message>
    <message>
        <source>copy = %1</source>
        <translation>副本 = %1</translation>
    </message>
    <message>
        <source>no copy yet</source>
        <translation>尚无副本</translation>
    </message>
    <message>
        <source>stale: balance changed</source>
        <translation>已过时：balance 已改变</translation>
    </message>
    <message>
        <source>read, will write</source>
        <translation>已读取，将写入</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>写入了 %1</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>|◀</source>
        <translation>|◀</translation>
    </message>
    <message>
        <source>Previous event (←)</source>
        <translation>上一个事件（←）</translation>
    </message>
    <message>
        <source>‖</source>
        <translation>‖</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Play or pause the replay (Space)</source>
        <translation>播放或暂停回放（Space）</translation>
    </message>
    <message>
        <source>▶|</source>
        <translation>▶|</translation>
    </message>
    <message>
        <source>Next event (→)</source>
        <translation>下一个事件（→）</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>replay: 1 s = %1 of the run</source>
        <translation>回放：1 s = 运行中的 %1</translation>
    </message>
    <message>
        <source>Real runs are fast: the replay slows them down so each second of animation shows this much of the run. Change the speed with [ and ].</source>
        <translation>真实运行非常快：回放会把它放慢，让动画的每一秒展示运行中这么长的一段。用 [ 和 ] 调整速度。</translation>
    </message>
    <message>
        <source>event %1</source>
        <translation>事件 %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Run; after a run, pause or resume the replay</source>
        <translation>运行；运行结束后，暂停或继续回放</translation>
    </message>
    <message>
        <source>Stop the run or the replay</source>
        <translation>停止运行或回放</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>再次运行</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Fit the whole run in the timeline</source>
        <translation>在时间线中显示整个运行过程</translation>
    </message>
    <message>
        <source>Step the time cursor to the previous / next event</source>
        <translation>将时间光标移到上一个 / 下一个事件</translation>
    </message>
    <message>
        <source>Zoom the timeline in / out</source>
        <translation>放大 / 缩小时间线</translation>
    </message>
    <message>
        <source>Replay slower / faster</source>
        <translation>回放减速 / 加速</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>滚轮</translation>
    </message>
    <message>
        <source>Zoom around the mouse</source>
        <translation>以鼠标为中心缩放</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>拖动</translation>
    </message>
    <message>
        <source>Pan the timeline</source>
        <translation>平移时间线</translation>
    </message>
    <message>
        <source>Shift+Wheel</source>
        <translation>Shift+滚轮</translation>
    </message>
    <message>
        <source>Scroll the lanes</source>
        <translation>滚动泳道</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>单击</translation>
    </message>
    <message>
        <source>Select an interval; lanes that waited on its lock light up</source>
        <translation>选择一个时间段；等待过其锁的泳道会高亮显示</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>双击</translation>
    </message>
    <message>
        <source>Move the time cursor there</source>
        <translation>将时间光标移到该处</translation>
    </message>
    <message>
        <source>Save the window as a PNG</source>
        <translation>将窗口保存为 PNG</translation>
    </message>
    <message>
        <source>Save the trace for Perfetto</source>
        <translation>保存跟踪，供 Perfetto 使用</translation>
    </message>
    <message>
        <source>Light or dark theme</source>
        <translation>浅色或深色主题</translation>
    </message>
    <message>
        <source>This sheet</source>
        <translation>本快捷键表</translation>
    </message>
</context>
<context>
    <name>ThreadsScene</name>
    <message numerus="yes">
        <source>MainThread waits in join() until %1 finishes; %n worker(s) still alive.</source>
        <translation>
            <numerusform>MainThread 在 join() 中等待 %1 结束；仍有 %n 个工作线程存活。</numerusform>
        </translation>
    </message>
    <message>
        <source>MainThread starts its workers with start(): %1 of %2 started.</source>
        <translation>MainThread 用 start() 启动工作线程：已启动 %1 / %2 个。</translation>
    </message>
    <message>
        <source>Every worker finished and was joined. The daemon %1 still runs: nobody joins it, it stops with the program.</source>
        <translation>所有工作线程都已结束并被 join。守护线程 %1 仍在运行：没有谁 join 它，它会随程序一起停止。</translation>
    </message>
    <message>
        <source>Every worker finished and was joined.</source>
        <translation>所有工作线程都已结束并被 join。</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) run at the same time as MainThread.</source>
        <translation>
            <numerusform>%n 个工作线程与 MainThread 同时运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>start()</source>
        <translation>start()</translation>
    </message>
    <message>
        <source>join()</source>
        <translation>join()</translation>
    </message>
    <message>
        <source>in join(%1)</source>
        <translation>在 join(%1) 中</translation>
    </message>
    <message>
        <source>worker threads: %1 of %2 started</source>
        <translation>工作线程：已启动 %1 / %2</translation>
    </message>
    <message>
        <source>worker threads</source>
        <translation>工作线程</translation>
    </message>
    <message>
        <source>daemon threads</source>
        <translation>守护线程</translation>
    </message>
    <message>
        <source>never joined</source>
        <translation>从不 join</translation>
    </message>
</context>
<context>
    <name>TimelinePane</name>
    <message>
        <source>Click or drag to move the time cursor; ← and → step from event to event</source>
        <translation>单击或拖动可移动时间光标；← 和 → 可逐个事件跳转</translation>
    </message>
    <message>
        <source>time since start</source>
        <translation>自开始以来的时间</translation>
    </message>
    <message>
        <source> (daemon)</source>
        <translation>（守护线程）</translation>
    </message>
    <message>
        <source>%1, a coroutine on its thread&apos;s event loop</source>
        <translation>%1，运行在所属线程事件循环上的协程</translation>
    </message>
    <message>
        <source>%1, native thread id %2</source>
        <translation>%1，原生线程 ID %2</translation>
    </message>
    <message numerus="yes">
        <source>zoom in to see the %n handoff arrow(s) here</source>
        <translation>
            <numerusform>放大即可看到这里的 %n 个交接箭头</numerusform>
        </translation>
    </message>
    <message>
        <source>from %1 for %2</source>
        <translation>从 %1 开始，持续 %2</translation>
    </message>
    <message>
        <source>The timeline fills in as the run records: one lane per thread.</source>
        <translation>时间线会随着运行记录逐步填充：每个线程一条泳道。</translation>
    </message>
</context>
<context>
    <name>clab::Scenario</name>
    <message>
        <source>async and await</source>
        <translation>async 与 await</translation>
    </message>
    <message>
        <source>asyncio.run starts the event loop; create_task schedules coroutines that each await asyncio.sleep. They all sleep at once on one thread, so the run takes about the longest sleep, not the sum.</source>
        <translation>asyncio.run 启动事件循环；create_task 调度多个协程，每个协程都 await asyncio.sleep。它们在同一个线程上同时休眠，因此总耗时约等于最长的那次休眠，而不是所有休眠之和。</translation>
    </message>
    <message>
        <source>How many tasks create_task starts</source>
        <translation>create_task 启动的任务数</translation>
    </message>
    <message>
        <source>The longest sleep; task i sleeps (i+1)/tasks of it, in ms</source>
        <translation>最长休眠时间，单位 ms；任务 i 休眠其 (i+1)/tasks</translation>
    </message>
    <message>
        <source>asyncio.gather</source>
        <translation>asyncio.gather</translation>
    </message>
    <message>
        <source>gather runs coroutines together and returns their results in the order they were given, whatever order they finish in. If one raises, gather raises it; with return_exceptions it is returned instead.</source>
        <translation>gather 并发运行多个协程，并按传入的顺序返回结果，无论它们按什么顺序完成。若其中一个抛出异常，gather 会抛出该异常；若设置了 return_exceptions，则把异常作为结果返回。</translation>
    </message>
    <message>
        <source>How many coroutines gather runs</source>
        <translation>gather 运行的协程数</translation>
    </message>
    <message>
        <source>Which one raises ValueError (-1: none)</source>
        <translation>哪一个抛出 ValueError（-1：都不抛出）</translation>
    </message>
    <message>
        <source>gather(..., return_exceptions=True)</source>
        <translation>gather(..., return_exceptions=True)</translation>
    </message>
    <message>
        <source>asyncio.Queue</source>
        <translation>asyncio.Queue</translation>
    </message>
    <message>
        <source>Producer coroutines put items into an asyncio.Queue, consumers get them and call task_done. queue.join() waits until every item is handled; then the endless consumers are cancelled.</source>
        <translation>生产者协程把数据项放入 asyncio.Queue，消费者取出数据项并调用 task_done。queue.join() 一直等待到每个数据项都处理完毕；随后取消无限循环的消费者。</translation>
    </message>
    <message>
        <source>Producer tasks</source>
        <translation>生产者任务数</translation>
    </message>
    <message>
        <source>Consumer tasks</source>
        <translation>消费者任务数</translation>
    </message>
    <message>
        <source>Items in total</source>
        <translation>数据项总数</translation>
    </message>
    <message>
        <source>Queue(maxsize); 0 is unbounded</source>
        <translation>Queue(maxsize)；0 表示无上限</translation>
    </message>
    <message>
        <source>Time to make an item, ms</source>
        <translation>生产一项的时间，ms</translation>
    </message>
    <message>
        <source>Time to handle an item, ms</source>
        <translation>处理一项的时间，ms</translation>
    </message>
    <message>
        <source>asyncio.Semaphore</source>
        <translation>asyncio.Semaphore</translation>
    </message>
    <message>
        <source>Many coroutines want in, but `async with semaphore` lets at most `limit` of them inside at once; the others wait their turn on the semaphore.</source>
        <translation>许多协程都想进入，但 `async with semaphore` 同时最多只允许 `limit` 个在内部；其余的在信号量上排队等待。</translation>
    </message>
    <message>
        <source>How many coroutines</source>
        <translation>协程数</translation>
    </message>
    <message>
        <source>Semaphore(limit)</source>
        <translation>Semaphore(limit)</translation>
    </message>
    <message>
        <source>How long each stays inside, ms</source>
        <translation>每个在内部停留的时间，ms</translation>
    </message>
    <message>
        <source>gevent greenlets</source>
        <translation>gevent greenlet</translation>
    </message>
    <message>
        <source>gevent.spawn starts greenlets, joinall waits for them, get() returns each value, and kill() stops one that would never end; afterwards it is dead.</source>
        <translation>gevent.spawn 启动 greenlet，joinall 等待它们，get() 返回各自的值，kill() 停止一个永远不会结束的 greenlet，之后它便处于 dead 状态。</translation>
    </message>
    <message>
        <source>How many greenlets gevent.spawn starts</source>
        <translation>gevent.spawn 启动的 greenlet 数</translation>
    </message>
    <message>
        <source>An async HTTP server</source>
        <translation>异步 HTTP 服务器</translation>
    </message>
    <message>
        <source>A tiny HTTP server on 127.0.0.1, like the classic aiohttp example: each handler awaits a sleep before it answers. One thread serves many clients at once, because a waiting handler lets the loop run the others.</source>
        <translation>一个运行在 127.0.0.1 上的小型 HTTP 服务器，类似经典的 aiohttp 示例：每个处理函数在应答前先 await 一次 sleep。一个线程就能同时服务许多客户端，因为正在等待的处理函数会让事件循环去运行其他处理函数。</translation>
    </message>
    <message>
        <source>Clients sending requests at the same time</source>
        <translation>同时发送请求的客户端数</translation>
    </message>
    <message>
        <source>Requests each client sends, one after another</source>
        <translation>每个客户端依次发送的请求数</translation>
    </message>
    <message>
        <source>How long each handler awaits asyncio.sleep, ms</source>
        <translation>每个处理函数 await asyncio.sleep 的时长，ms</translation>
    </message>
    <message>
        <source>Coroutines against threads</source>
        <translation>协程对比线程</translation>
    </message>
    <message>
        <source>The same waiting work on many coroutines and on as many threads, measured on this machine: memory each, time to create each, and time to switch from one to another.</source>
        <translation>同样的等待型工作，分别交给许多协程和同样数量的线程，在本机实测：每个的内存、创建每个的时间，以及从一个切换到另一个的时间。</translation>
    </message>
    <message>
        <source>How many coroutines, and how many threads</source>
        <translation>协程数，也是线程数</translation>
    </message>
    <message>
        <source>How long each one waits, ms</source>
        <translation>每个等待的时长，ms</translation>
    </message>
    <message>
        <source>The GIL convoy</source>
        <translation>GIL 护航效应</translation>
    </message>
    <message>
        <source>A thread sleeps 1 ms again and again while other threads compute. Each time it wakes, it must wait for the GIL until its switch interval runs out, so it resumes about one interval late.</source>
        <translation>一个线程反复休眠 1 ms，其他线程则在计算。它每次醒来都必须等待 GIL，直到切换间隔耗尽，因此每次恢复运行都要晚大约一个间隔。</translation>
    </message>
    <message>
        <source>How many CPU-bound threads compete with the sleeper</source>
        <translation>与休眠线程竞争的 CPU 密集型线程数</translation>
    </message>
    <message>
        <source>How many 1 ms sleeps the sleeper measures</source>
        <translation>休眠线程测量的 1 ms 休眠次数</translation>
    </message>
    <message>
        <source>More threads: GIL, no GIL, processes</source>
        <translation>更多线程：有 GIL、无 GIL、多进程</translation>
    </message>
    <message>
        <source>The same CPU-bound work on 1, 2, 3 … threads with the GIL and without it, and on as many worker processes, timed for real on this machine&apos;s cores.</source>
        <translation>同样的 CPU 密集型工作，分别在有 GIL 和无 GIL 的 1、2、3… 个线程上运行，以及在同样数量的工作进程上运行，在本机的核心上真实计时。</translation>
    </message>
    <message>
        <source>Up to how many threads</source>
        <translation>最多多少个线程</translation>
    </message>
    <message>
        <source>Units of interpreted work in total, split among the threads</source>
        <translation>解释执行的工作单元总数，由各线程分担</translation>
    </message>
    <message>
        <source>CPU-bound threads and the GIL</source>
        <translation>CPU 密集型线程与 GIL</translation>
    </message>
    <message>
        <source>The same counting work, first on one thread, then split among several. Under the GIL only one thread runs Python code at a time, so splitting does not make it faster; without the GIL it does.</source>
        <translation>同样的计数工作，先在一个线程上运行，再分给多个线程。在 GIL 之下同一时刻只有一个线程运行 Python 代码，所以拆分并不会更快；没有 GIL 时则会更快。</translation>
    </message>
    <message>
        <source>How many threads share the work</source>
        <translation>分担工作的线程数</translation>
    </message>
    <message>
        <source>Units of interpreted work in total (one unit is about one loop iteration)</source>
        <translation>解释执行的工作单元总数（一个单元约为一次循环迭代）</translation>
    </message>
    <message>
        <source>I/O-bound threads and the GIL</source>
        <translation>I/O 密集型线程与 GIL</translation>
    </message>
    <message>
        <source>Each request does a little Python work, then waits for I/O. A thread releases the GIL while it waits, so threads overlap their waits and finish much sooner than one thread doing every request.</source>
        <translation>每个请求先做少量 Python 工作，再等待 I/O。线程在等待时会释放 GIL，因此多个线程的等待相互重叠，比单个线程处理全部请求快得多。</translation>
    </message>
    <message>
        <source>How many threads handle requests</source>
        <translation>处理请求的线程数</translation>
    </message>
    <message>
        <source>Requests each thread handles</source>
        <translation>每个线程处理的请求数</translation>
    </message>
    <message>
        <source>How long each request waits for I/O, in ms</source>
        <translation>每个请求等待 I/O 的时长，单位 ms</translation>
    </message>
    <message>
        <source>Units of Python work per request</source>
        <translation>每个请求的 Python 工作单元数</translation>
    </message>
    <message>
        <source>gil: CPython&apos;s GIL; free: no GIL, like the free-threaded build (PEP 703); processes: each share in a worker process with its own GIL</source>
        <translation>gil：CPython 的 GIL；free：无 GIL，类似自由线程构建（PEP 703）；processes：每份工作放在一个拥有自己 GIL 的工作进程中</translation>
    </message>
    <message>
        <source>sys.setswitchinterval: how long a waiter waits before asking for the GIL, in ms</source>
        <translation>sys.setswitchinterval：等待者在请求 GIL 之前等待的时长，单位 ms</translation>
    </message>
    <message>
        <source>A Queue between processes</source>
        <translation>进程间的 Queue</translation>
    </message>
    <message>
        <source>Messages the writer puts</source>
        <translation>写入进程放入的消息数</translation>
    </message>
    <message>
        <source>Pause between messages, ms</source>
        <translation>消息之间的间隔，ms</translation>
    </message>
    <message>
        <source>A Pipe between processes</source>
        <translation>进程间的 Pipe</translation>
    </message>
    <message>
        <source>Messages the child sends</source>
        <translation>子进程发送的消息数</translation>
    </message>
    <message>
        <source>Shared memory</source>
        <translation>共享内存</translation>
    </message>
    <message>
        <source>Several processes each add 1 to a shared Value many times. Without the Lock their reads and writes interleave and updates are lost; with it, none are.</source>
        <translation>多个进程各自多次对一个共享的 Value 加 1。没有 Lock 时，它们的读写相互交错，更新会丢失；有了 Lock，则一次也不会丢失。</translation>
    </message>
    <message>
        <source>How many processes add</source>
        <translation>做加法的进程数</translation>
    </message>
    <message>
        <source>How many times each adds 1</source>
        <translation>每个进程加 1 的次数</translation>
    </message>
    <message>
        <source>Hold a multiprocessing.Lock around each addition</source>
        <translation>每次加法都持有 multiprocessing.Lock</translation>
    </message>
    <message>
        <source>subprocess.run</source>
        <translation>subprocess.run</translation>
    </message>
    <message>
        <source>subprocess.run starts another program, waits for it and captures what it printed and its exit code. Input can be fed to it, a timeout stops a slow one, and a missing program is an error.</source>
        <translation>subprocess.run 启动另一个程序，等待它结束，并捕获它的输出和退出码。可以向它提供输入，timeout 能终止过慢的程序，找不到程序则会报错。</translation>
    </message>
    <message>
        <source>Process basics</source>
        <translation>进程基础</translation>
    </message>
    <message>
        <source>Each Process is a real operating-system process with its own PID; its parent is this program. A child that changes a global changes its own copy: the parent&apos;s stays as it was.</source>
        <translation>每个 Process 都是一个真正的操作系统进程，有自己的 PID；它的父进程就是本程序。子进程修改全局变量时改的是自己的副本：父进程中的值保持不变。</translation>
    </message>
    <message>
        <source>How many child processes to start</source>
        <translation>要启动的子进程数</translation>
    </message>
    <message>
        <source>fork()</source>
        <translation>fork()</translation>
    </message>
    <message>
        <source>A worker process calls fork(). It returns twice: 0 in the new child, and the child&apos;s PID in the parent. Both sides report what they got.</source>
        <translation>一个工作进程调用 fork()。它会返回两次：在新的子进程中返回 0，在父进程中返回子进程的 PID。双方都会报告各自得到的值。</translation>
    </message>
    <message>
        <source>Process pool</source>
        <translation>进程池</translation>
    </message>
    <message>
        <source>Tasks go to a multiprocessing Pool with apply_async; worker processes take them one by one and a callback receives each result. close() then join() waits for the workers to finish and exit.</source>
        <translation>任务通过 apply_async 提交给 multiprocessing 的 Pool；工作进程逐个取出任务，并由回调函数接收每个结果。先 close() 再 join()，等待工作进程完成并退出。</translation>
    </message>
    <message>
        <source>Pool(processes)</source>
        <translation>Pool(processes)</translation>
    </message>
    <message>
        <source>How many tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>How long each task takes, ms</source>
        <translation>每个任务的耗时，ms</translation>
    </message>
    <message>
        <source>Threads against processes</source>
        <translation>线程对比进程</translation>
    </message>
    <message>
        <source>The same CPU-bound Python work on N threads and on N processes. The threads share one GIL, so only one computes at a time; each process has its own interpreter and GIL, so they use every core.</source>
        <translation>同样的 CPU 密集型 Python 工作，分别在 N 个线程和 N 个进程上运行。线程共享一个 GIL，同一时刻只有一个在计算；每个进程都有自己的解释器和 GIL，因此能用上所有核心。</translation>
    </message>
    <message>
        <source>N: threads, then processes</source>
        <translation>N：先是线程数，再是进程数</translation>
    </message>
    <message>
        <source>Units of interpreted work in total, split N ways</source>
        <translation>解释执行的工作单元总数，分成 N 份</translation>
    </message>
    <message>
        <source>Processes plus coroutines</source>
        <translation>进程加协程</translation>
    </message>
    <message>
        <source>Several worker processes, each running its own event loop with many coroutines: every core gets a loop, and every loop overlaps many waits.</source>
        <translation>多个工作进程，各自运行自己的事件循环，其中有许多协程：每个核心一个事件循环，每个事件循环让许多等待相互重叠。</translation>
    </message>
    <message>
        <source>Worker processes</source>
        <translation>工作进程数</translation>
    </message>
    <message>
        <source>Coroutines in each process&apos;s event loop</source>
        <translation>每个进程的事件循环中的协程数</translation>
    </message>
    <message>
        <source>How long each coroutine waits, ms</source>
        <translation>每个协程等待的时长，ms</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Locks and synchronization</source>
        <translation>锁与同步</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>池</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <source>Coroutines</source>
        <translation>协程</translation>
    </message>
    <message>
        <source>Deadlock</source>
        <translation>死锁</translation>
    </message>
    <message>
        <source>Each thread holds one lock and waits for a lock another thread holds, in a cycle, so none can go on. Taking locks in one global order (ordered) prevents it.</source>
        <translation>每个线程持有一把锁，同时等待另一个线程持有的锁，形成环路，于是谁都无法继续。按统一的全局顺序获取锁（ordered）即可避免。</translation>
    </message>
    <message>
        <source>Two threads and two locks, or dining philosophers</source>
        <translation>两个线程两把锁，或哲学家就餐问题</translation>
    </message>
    <message>
        <source>How many philosophers (and forks) sit at the table</source>
        <translation>餐桌旁有几位哲学家（以及几把叉子）</translation>
    </message>
    <message>
        <source>The fix: always take the lower-numbered lock first</source>
        <translation>修复方法：总是先获取编号较小的锁</translation>
    </message>
    <message>
        <source>How many times each thread needs both locks</source>
        <translation>每个线程需要同时拿到两把锁的次数</translation>
    </message>
    <message>
        <source>Lock contention</source>
        <translation>锁竞争</translation>
    </message>
    <message>
        <source>Each thread repeatedly does some work holding one shared Lock and some work without it. Only one can be inside, so the others queue at the lock.</source>
        <translation>每个线程反复地持有一把共享的 Lock 做一些工作，再不持锁做一些工作。同一时刻只能有一个线程在锁内，其余线程在锁前排队。</translation>
    </message>
    <message>
        <source>How many threads compete for the lock</source>
        <translation>竞争该锁的线程数</translation>
    </message>
    <message>
        <source>How many times each thread enters the critical section</source>
        <translation>每个线程进入临界区的次数</translation>
    </message>
    <message>
        <source>CPU work done while holding the lock, in microseconds</source>
        <translation>持有锁时做的 CPU 工作，单位微秒</translation>
    </message>
    <message>
        <source>CPU work done without the lock between entries, in microseconds</source>
        <translation>两次进入之间不持锁做的 CPU 工作，单位微秒</translation>
    </message>
    <message>
        <source>Producer and consumer</source>
        <translation>生产者与消费者</translation>
    </message>
    <message>
        <source>Producers put items into a bounded Queue and consumers take them out. When the buffer is full producers wait; when it is empty consumers wait.</source>
        <translation>生产者把数据项放入有界的 Queue，消费者从中取出。缓冲区满时生产者等待；缓冲区空时消费者等待。</translation>
    </message>
    <message>
        <source>How many threads put items</source>
        <translation>放入数据项的线程数</translation>
    </message>
    <message>
        <source>How many threads get items</source>
        <translation>取出数据项的线程数</translation>
    </message>
    <message>
        <source>How many items all producers make together</source>
        <translation>所有生产者一共生产的数据项数</translation>
    </message>
    <message>
        <source>Queue(maxsize): how many items the buffer holds</source>
        <translation>Queue(maxsize)：缓冲区能容纳的数据项数</translation>
    </message>
    <message>
        <source>Time to make one item, in milliseconds</source>
        <translation>生产一项的时间，单位毫秒</translation>
    </message>
    <message>
        <source>Time to handle one item, in milliseconds</source>
        <translation>处理一项的时间，单位毫秒</translation>
    </message>
    <message>
        <source>Race condition</source>
        <translation>竞态条件</translation>
    </message>
    <message>
        <source>Threads add n to a shared balance and take it away again, so it should end at 0. Without the lock, a write can land between another thread&apos;s read and write and be lost.</source>
        <translation>多个线程对共享的 balance 加上 n 再减去 n，所以最终应为 0。不加锁时，一次写入可能落在另一个线程的读与写之间，从而丢失。</translation>
    </message>
    <message>
        <source>How many threads change the balance at once</source>
        <translation>同时修改 balance 的线程数</translation>
    </message>
    <message>
        <source>How many times each thread adds and subtracts its n</source>
        <translation>每个线程加减其 n 的次数</translation>
    </message>
    <message>
        <source>Hold a Lock around each change, as `with lock:` would</source>
        <translation>每次修改都持有 Lock，就像 `with lock:` 那样</translation>
    </message>
    <message>
        <source>Thread basics</source>
        <translation>线程基础</translation>
    </message>
    <message>
        <source>MainThread starts worker threads, each works for a while, and join() waits for them. A daemon thread is still running at the end and is stopped with the program.</source>
        <translation>MainThread 启动若干工作线程，每个工作一段时间，再用 join() 等待它们。一个守护线程到最后仍在运行，随程序一起被停止。</translation>
    </message>
    <message>
        <source>How many worker threads MainThread starts</source>
        <translation>MainThread 启动的工作线程数</translation>
    </message>
    <message>
        <source>How long the longest worker sleeps, in milliseconds; worker i sleeps (i+1)/threads of it</source>
        <translation>最长的工作线程休眠时长，单位毫秒；工作线程 i 休眠其 (i+1)/threads</translation>
    </message>
    <message>
        <source>Also start a daemon thread that never ends by itself</source>
        <translation>另外启动一个不会自行结束的守护线程</translation>
    </message>
    <message>
        <source>Thread pool</source>
        <translation>线程池</translation>
    </message>
    <message>
        <source>Tasks of different lengths are submitted to a ThreadPoolExecutor. Idle workers take the next task from the queue; result() hands back each answer in the order the tasks were submitted.</source>
        <translation>把长短不一的任务提交给 ThreadPoolExecutor。空闲的工作线程从队列中取出下一个任务；result() 按任务提交的顺序交回每个结果。</translation>
    </message>
    <message>
        <source>max_workers of the executor</source>
        <translation>执行器的 max_workers</translation>
    </message>
    <message>
        <source>How many tasks are submitted</source>
        <translation>提交的任务数</translation>
    </message>
    <message>
        <source>Shortest task, in milliseconds</source>
        <translation>最短任务时长，单位毫秒</translation>
    </message>
    <message>
        <source>Longest task, in milliseconds</source>
        <translation>最长任务时长，单位毫秒</translation>
    </message>
    <message>
        <source>What a task does: wait like I/O (sleep) or compute (cpu)</source>
        <translation>任务做什么：像 I/O 那样等待（sleep）或进行计算（cpu）</translation>
    </message>
    <message>
        <source>A writer process puts messages into a Queue and a reader process takes them out. The reader is slower than the writer, so messages wait in the Queue. It loops forever, so the parent terminates it at the end.</source>
        <translation>一个写入进程把消息放入 Queue，一个读取进程把它们取出。读取进程比写入进程慢，所以消息会在 Queue 中等待。读取进程会一直循环，因此父进程最后会终止它。</translation>
    </message>
    <message>
        <source>How long the reader takes over each message, ms</source>
        <translation>读取进程处理每条消息所用的时间，ms</translation>
    </message>
    <message>
        <source>Pipe() gives two connected ends. The child process sends messages on its end; the parent receives them on the other until the child is done and its end closes. Messages the parent has not received yet wait in the pipe.</source>
        <translation>Pipe() 给出两个相连的端点。子进程在自己的一端发送消息；父进程在另一端接收，直到子进程结束、它的那一端关闭。父进程尚未接收的消息在管道中等待。</translation>
    </message>
    <message>
        <source>How long the parent takes over each message, ms</source>
        <translation>父进程处理每条消息所用的时间，ms</translation>
    </message>
</context>
<context>
    <name>clab::StatePalette</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>waiting for a lock</source>
        <translation>等待锁</translation>
    </message>
    <message>
        <source>waiting on a condition, event or queue</source>
        <translation>等待条件变量、事件或队列</translation>
    </message>
    <message>
        <source>sleeping or I/O</source>
        <translation>休眠或 I/O</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>waiting for the GIL</source>
        <translation>等待 GIL</translation>
    </message>
    <message>
        <source>ready to run</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>solid bar</source>
        <translation>实心条</translation>
    </message>
    <message>
        <source>striped bar</source>
        <translation>条纹条</translation>
    </message>
    <message>
        <source>bar with a centre line</source>
        <translation>带中线的条</translation>
    </message>
    <message>
        <source>half-height bar</source>
        <translation>半高条</translation>
    </message>
    <message>
        <source>thin line</source>
        <translation>细线</translation>
    </message>
    <message>
        <source>dotted bar</source>
        <translation>点状条</translation>
    </message>
    <message>
        <source>outlined bar</source>
        <translation>描边条</translation>
    </message>
</context>
</TS>
