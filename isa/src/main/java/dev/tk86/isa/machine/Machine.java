package dev.tk86.isa.machine;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.dev.Console;
import dev.tk86.isa.dev.ExitPort;
import dev.tk86.isa.dev.IoBus;
import dev.tk86.isa.dev.Uart16550;
import dev.tk86.isa.exec.CodeCache;
import dev.tk86.isa.exec.Executor;
import dev.tk86.isa.exec.Interrupts;
import dev.tk86.isa.exec.StepHook;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.mem.PhysicalMemory;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * N CPUs over one physical memory and one I/O bus, interleaved deterministically on the calling
 * thread. CPU 0 (the bootstrap processor) starts running; the others are parked until a
 * STARTUP IPI. Nothing here reads host time or host randomness: a run is a function of the
 * loaded image, the configuration and the seed.
 */
public final class Machine {
    private final MachineConfig config;
    private final PhysicalMemory memory;
    private final Cpu[] cpus;
    private final IoBus io = new IoBus();
    private final Console console = new Console();
    private final Uart16550 uart = new Uart16550(console);
    private final CodeCache code;
    private SplittableRandom random;
    /** Non-null when the schedule is PCT. */
    private PctScheduler pct;
    private StepHook hook;

    private boolean stopped;
    private RunResult.Reason stopReason;
    private long exitStatus = -1;
    private String stopDetail = "";
    private String panicMessage;
    private int panicCpu = -1;
    private int nextRoundRobin;
    public long idleSteps;
    /** A debugger asked to stop (a breakpoint or watchpoint was hit); cleared when the run returns. */
    private boolean breakRequested;
    private Cpu breakCpu;
    /** The slice a stop interrupted: the next run finishes it first, so stops never change the interleaving. */
    private Cpu pendingCpu;
    private long pendingEnd;

    public Machine(MachineConfig config) {
        this.config = config;
        this.memory = new PhysicalMemory(config.memoryBytes());
        this.cpus = new Cpu[config.cpus()];
        for (int i = 0; i < cpus.length; i++) {
            cpus[i] = new Cpu(i, this);
            if (i > 0) cpus[i].state = Cpu.State.PARKED;
        }
        memory.setWatchListener(frame -> { for (Cpu c : cpus) c.mmu.frameWatched(frame); });
        this.code = new CodeCache(this);
        startSchedule();
        io.attach(0xE9, 1, console);
        io.attach(Uart16550.COM1, 8, uart);
        io.attach(ExitPort.PORT, 1, new ExitPort(this::powerOff));
    }

    /**
     * A hardware reset of the whole machine: every CPU back to its power-on state (CPU 0
     * running, the others parked), devices and local APICs reset, the interleaver and the
     * random schedule back at their start, every counter at zero, no stop recorded. Physical
     * memory keeps its contents, as RAM does across a reset; a caller that wants it blank
     * writes it. After a reset the machine runs as a new one with the same configuration
     * would, from the same memory.
     */
    public void reset() {
        for (int i = 0; i < cpus.length; i++) {
            cpus[i].reset();
            if (i > 0) cpus[i].state = Cpu.State.PARKED;
        }
        console.reset();
        uart.reset();
        io.resetCounters();
        code.resetCounters();
        startSchedule();
        stopped = false;
        stopReason = null;
        exitStatus = -1;
        stopDetail = "";
        panicMessage = null;
        nextRoundRobin = 0;
        idleSteps = 0;
        breakRequested = false;
        breakCpu = null;
        pendingCpu = null;
    }

    /** The interleaver's random state as the seed makes it, at power-on and after a reset. */
    private void startSchedule() {
        random = new SplittableRandom(config.seed());
        if (config.schedule() == Schedule.PCT) {
            pct = new PctScheduler(cpus, config.pct(), config.quantum(), random.split());
            for (Cpu c : cpus) c.apic.setJitter(random.split());
        } else {
            pct = null;
        }
    }

    public MachineConfig config() { return config; }
    public PhysicalMemory memory() { return memory; }
    public List<Cpu> cpus() { return List.of(cpus); }
    public Cpu cpu(int i) { return cpus[i]; }
    public IoBus io() { return io; }
    public Console console() { return console; }
    public CodeCache code() { return code; }

    public void setHook(StepHook hook) { this.hook = hook; }

    /** The installed step hook, or null: a machine without one runs at full speed. */
    public StepHook hook() { return hook; }

    /** Told of every access a CPU makes to a frame marked with {@link #setDataWatch}. */
    @FunctionalInterface
    public interface DataWatchListener { void accessed(Cpu cpu, long va, long pa, int size, boolean write); }

    private DataWatchListener dataWatch = (cpu, va, pa, size, write) -> { };

    public void setDataWatchListener(DataWatchListener l) { dataWatch = l; }

    /**
     * Watches (or stops watching) physical frame {@code frameNumber} for a debugger's data
     * watchpoints: each CPU access to it is reported to the listener, which may
     * {@link #requestBreak} to stop after the instruction. Costs nothing for other frames.
     */
    public void setDataWatch(long frameNumber, boolean on) {
        memory.setDataWatch(frameNumber, on);
        for (Cpu c : cpus) c.mmu.clearFast();
    }

    /** Called by a CPU's MMU for an access to a watched frame (after a write, before a read returns). */
    public void dataAccessed(Cpu cpu, long va, long pa, int size, boolean write) { dataWatch.accessed(cpu, va, pa, size, write); }

    /** Physical range [start, end) is executed by {@code d} instead of being decoded. */
    public void delegate(long start, long end, ExecutionDelegate d) { code.delegate(start, end, d); }

    // --- events from devices and CPUs ---------------------------------------------------------

    public void powerOff(long status) {
        stop(RunResult.Reason.POWER_OFF, "guest wrote " + status + " to the exit port");
        exitStatus = status;
    }

    public void cpuShutDown(Cpu cpu) {
        stop(RunResult.Reason.TRIPLE_FAULT, "cpu" + cpu.id + " " + cpu.shutdownReason + " at rip 0x" + Long.toHexString(cpu.rip));
    }

    /**
     * The kernel panicked on {@code cpu} (TKL {@code panic()} or a failed KASSERT; the TKL
     * runtime has already printed "panic: ..." on the console): every CPU stops and the run
     * ends with {@link RunResult.Reason#PANIC}.
     */
    public void panic(Cpu cpu, String message) {
        if (stopped) return;
        panicMessage = message;
        panicCpu = cpu.id;
        stop(RunResult.Reason.PANIC, "cpu" + cpu.id + " panicked at rip 0x" + Long.toHexString(cpu.rip) + ": " + message);
    }

    /** The message of the first panic, or null if the kernel has not panicked. */
    public String panicMessage() { return panicMessage; }

    /** The CPU that panicked first, or -1 if the kernel has not panicked. */
    public int panicCpu() { return panicCpu; }

    private void stop(RunResult.Reason reason, String detail) {
        if (stopped) return;
        stopped = true;
        stopReason = reason;
        stopDetail = detail;
        for (Cpu c : cpus) c.exitRun = true;
    }

    public boolean isStopped() { return stopped; }

    /**
     * A debugger's stop on {@code cpu}: the current step finishes (or, if it has not started,
     * does not start) and {@link #run} returns {@link RunResult.Reason#STOPPED}. The next run
     * resumes the interrupted slice, so a stopped and resumed run interleaves CPUs exactly as an
     * uninterrupted one.
     */
    public void requestBreak(Cpu cpu) {
        if (breakRequested) return;
        breakRequested = true;
        breakCpu = cpu;
        cpu.exitRun = true;
    }

    /**
     * A STARTUP IPI: a parked CPU starts at {@code rip} in 64-bit mode, in the address space and
     * with the control registers of the CPU that sent it (see docs/boot.md); others ignore it.
     */
    public void startProcessor(Cpu target, long rip, Cpu from) {
        if (target.state != Cpu.State.PARKED) return;
        target.cr0 = from.cr0;
        target.cr4 = from.cr4;
        target.efer = from.efer;
        target.cr3 = from.cr3;
        target.mmu.flushAll();
        target.cs = from.cs;
        target.ss = from.ss;
        target.rflagsSys = Rflags.FIXED1;
        target.rip = rip;
        target.r[7] = target.id; // rdi = APIC id
        // The AP's TSC starts where the sender's is, as if it had been counting all along;
        // those steps were not executed, so they count as idle.
        if (from.steps > target.steps) { idleSteps += from.steps - target.steps; target.steps = from.steps; }
        target.state = Cpu.State.RUNNING;
    }

    // --- running ------------------------------------------------------------------------------

    /** Runs until the guest powers off, a triple fault, a deadlock, or {@code maxSteps} steps. */
    public RunResult run(long maxSteps) {
        long startSteps = totalSteps();
        while (!stopped) {
            long done = totalSteps() - startSteps;
            if (done >= maxSteps) return result(RunResult.Reason.STEP_LIMIT, "stopped after " + done + " steps", done);
            if (!anyCanRun()) {
                if (!fastForwardTimers()) return result(RunResult.Reason.ALL_HALTED, haltedDetail(), done);
                continue;
            }
            Cpu c;
            long q;
            if (pendingCpu != null) {
                c = pendingCpu;
                q = Math.max(0, pendingEnd - c.steps);
                pendingCpu = null;
            } else if (pct != null) {
                idleHaltedCpus();
                PctScheduler.Turn t = pct.next(done);
                if (t == null) continue; // idling the halted CPUs made one runnable, or none can run
                c = t.cpu();
                q = t.steps();
            } else if (config.schedule() == Schedule.RANDOM) {
                c = cpus[random.nextInt(cpus.length)];
                q = 1 + random.nextInt(2 * config.quantum());
            } else {
                c = cpus[nextRoundRobin];
                nextRoundRobin = (nextRoundRobin + 1) % cpus.length;
                q = config.quantum();
            }
            long sliceEnd = c.steps + q;
            q = Math.min(q, maxSteps - done);
            long budgetEnd = c.steps + q;
            if (!slice(c, q)) {
                Cpu by = breakRequested ? breakCpu : c;
                breakRequested = false;
                breakCpu = null;
                return result(RunResult.Reason.STOPPED, "stopped by a debugger on cpu" + by.id, totalSteps() - startSteps);
            }
            // a turn cut short by the budget is finished by the next run, as after a stop
            if (budgetEnd < sliceEnd && c.steps >= budgetEnd && !stopped) interrupted(c, sliceEnd);
        }
        return result(stopReason, stopDetail, totalSteps() - startSteps);
    }

    private RunResult result(RunResult.Reason reason, String detail, long steps) {
        return new RunResult(reason, reason == RunResult.Reason.POWER_OFF ? exitStatus : -1, detail, steps);
    }

    private long totalSteps() {
        long s = 0;
        for (Cpu c : cpus) s += c.steps;
        return s - idleSteps;
    }

    private boolean anyCanRun() {
        for (Cpu c : cpus) if (canRun(c)) return true;
        return false;
    }

    /** Running, or halted with an interrupt it will take. */
    static boolean canRun(Cpu c) {
        return c.state == Cpu.State.RUNNING
                || c.state == Cpu.State.HALTED && c.interruptsEnabled() && c.apic.deliverable() >= 0;
    }

    /**
     * PCT gives halted CPUs no turns, so their clocks would stop: each one idles up to the
     * clock of the most advanced running CPU (or its timer deadline, whichever comes first).
     */
    private void idleHaltedCpus() {
        long now = 0;
        for (Cpu c : cpus) if (c.state == Cpu.State.RUNNING) now = Math.max(now, c.steps);
        for (Cpu c : cpus) {
            if (c.state != Cpu.State.HALTED || canRun(c) || c.steps >= now) continue;
            long wake = Math.min(now, c.apic.deadline());
            if (wake <= c.steps) continue;
            idleSteps += wake - c.steps;
            c.steps = wake;
            c.apic.tick();
        }
    }

    /** All CPUs wait: jump the halted CPU (with interrupts on) whose timer expires first. */
    private boolean fastForwardTimers() {
        Cpu next = null;
        long wait = Long.MAX_VALUE;
        for (Cpu c : cpus) {
            if (c.state != Cpu.State.HALTED || !c.interruptsEnabled() || c.apic.deadline() == Long.MAX_VALUE) continue;
            long w = c.apic.deadline() - c.steps;
            if (w < wait) { wait = w; next = c; }
        }
        if (next == null) return false;
        idleSteps += wait;
        next.steps += wait;
        next.apic.tick();
        return true;
    }

    private String haltedDetail() {
        StringBuilder s = new StringBuilder("no CPU can run:");
        for (Cpu c : cpus)
            s.append(String.format(" cpu%d %s%s at 0x%x;", c.id, c.state.name().toLowerCase(),
                    c.state == Cpu.State.HALTED && !c.interruptsEnabled() ? " with interrupts off" : "", c.rip));
        return s.toString();
    }

    /** Runs one CPU for up to {@code q} steps. Returns false if a hook or a break request stopped it. */
    private boolean slice(Cpu c, long q) {
        long end = c.steps + q;
        while (c.steps < end && !stopped) {
            if (breakRequested) return interrupted(c, end);
            c.apic.tick();
            if (c.state == Cpu.State.HALTED) {
                if (c.interruptsEnabled() && c.apic.deliverable() >= 0) {
                    c.state = Cpu.State.RUNNING;
                } else {
                    long wake = Math.min(end, c.apic.deadline());
                    idleSteps += wake - c.steps;
                    c.steps = wake;
                    continue;
                }
            }
            if (c.state != Cpu.State.RUNNING) return true;
            takeInterrupt(c);
            if (stopped) return true;
            long limit = Math.min(end, c.apic.deadline());
            if (c.interruptShadowUntil > c.steps) limit = Math.min(limit, c.interruptShadowUntil);
            c.runLimit = Math.max(limit, c.steps + 1);
            if (!Executor.run(c, code, hook) || breakRequested) return interrupted(c, end);
        }
        return true;
    }

    private boolean interrupted(Cpu c, long end) {
        pendingCpu = c;
        pendingEnd = end;
        return false;
    }

    private void takeInterrupt(Cpu c) {
        if (!c.interruptsEnabled() || c.steps < c.interruptShadowUntil) return;
        int v = c.apic.deliverable();
        if (v < 0) return;
        c.apic.accept(v);
        c.externalInterrupts++;
        try {
            Interrupts.deliver(c, v, false, 0, Interrupts.Source.EXTERNAL);
        } catch (GuestFault f) {
            Interrupts.deliverFault(c, f);
        }
        c.exitRun = false;
    }

    /**
     * Counters of the whole machine by name: the steps (net of the time halted CPUs skipped),
     * then what each CPU, the code cache and the I/O bus report of themselves, summed over CPUs.
     */
    public Map<String, Long> counters() {
        Counters k = new Counters();
        long steps = 0, tkl = 0;
        for (Cpu c : cpus) { steps += c.steps; tkl += c.tklStatements; }
        k.add("steps", steps - idleSteps);
        k.add("x86_instructions", steps - idleSteps - tkl);
        k.add("tkl_statements", tkl);
        k.add("idle_steps", idleSteps);
        for (Cpu c : cpus) c.addCounters(k);
        code.addCounters(k);
        io.addCounters(k);
        return k.asMap();
    }
}
