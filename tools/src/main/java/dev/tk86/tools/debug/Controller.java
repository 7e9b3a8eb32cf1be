package dev.tk86.tools.debug;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.exec.StepHook;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.kernel.srcmap.FunctionMap;
import java.util.function.BooleanSupplier;

/**
 * Runs the machine for a debugger: continue, and the step commands on one CPU. Every command
 * is "run the whole machine until something says stop": the other CPUs take their turns as
 * the interleaver orders them, and a stop resumes the interrupted turn, so stepping never
 * changes the interleaving. Breakpoints and watchpoints cost nothing until they are hit;
 * stepping installs a step hook (and TKL statement stepping) only while it runs.
 */
public final class Controller {
    /** Steps per machine run between looks at the interrupt flag; the interleaving does not depend on it. */
    private static final long CHUNK = 1_000_000;

    private final DebugTarget target;
    private final Breakpoints breakpoints;
    private final Watchpoints watchpoints;
    private final RawMemory memory;
    private long budget;
    private BooleanSupplier interrupted = () -> false;
    /** Whether steps go into the timer and IPI handlers (QEMU's default is not to). */
    private boolean stepIntoInterrupts;
    private Stop last;
    /** What was installed before the debugger came (a tracer): kept, and run before a step command's hook. */
    private final StepHook baseHook;
    private final boolean baseStepping;
    private RunResult lastResult;

    public Controller(DebugTarget target, long budget) {
        this.target = target;
        int[] next = {1};
        this.breakpoints = new Breakpoints(target, () -> next[0]++);
        this.watchpoints = new Watchpoints(target, () -> next[0]++);
        this.memory = new RawMemory(target);
        this.budget = budget;
        this.baseHook = target.machine().hook();
        this.baseStepping = target.runtime().map(rt -> rt.stepping()).orElse(false);
    }

    public DebugTarget target() { return target; }

    public Breakpoints breakpoints() { return breakpoints; }

    public Watchpoints watchpoints() { return watchpoints; }

    public RawMemory memory() { return memory; }

    /** Polled between chunks of a run: true stops it with {@link Stop.Kind#INTERRUPTED}. */
    public void setInterruptPoll(BooleanSupplier poll) { interrupted = poll; }

    public void setStepIntoInterrupts(boolean on) { stepIntoInterrupts = on; }

    public boolean stepIntoInterrupts() { return stepIntoInterrupts; }

    /** The last stop, or null before the first run. */
    public Stop lastStop() { return last; }

    public boolean ended() { return last != null && last.isFinal(); }

    /** How the machine's last run ended (for a boot's report once the machine has ended), or null. */
    public RunResult lastResult() { return lastResult; }

    // --- commands -------------------------------------------------------------------------------

    public Stop cont() { return run(null, -1); }

    /** One x86 instruction or TKL step of {@code cpu}. */
    public Stop stepInstruction(int cpu) { return step(cpu, c -> true); }

    /** To the next TKL statement (into calls), or one instruction in machine code. */
    public Stop stepStatement(int cpu) { return step(cpu, this::atStatementOrMachineCode); }

    /** Like {@link #stepStatement}, but over calls: stops only in this frame or a caller's. */
    public Stop next(int cpu) {
        Cpu c = target.cpu(cpu);
        long rsp0 = c.r[Reg.RSP];
        if (target.isTkl(c.rip)) return step(cpu, x -> Long.compareUnsigned(x.r[Reg.RSP], rsp0) >= 0 && atStatementOrMachineCode(x));
        Stepping.Call call = Stepping.callAt(target, c);
        if (call == null) return stepInstruction(cpu);
        long ret = c.rip + call.length();
        return step(cpu, x -> (x.rip == ret && x.r[Reg.RSP] == rsp0) || Long.compareUnsigned(x.r[Reg.RSP], rsp0) > 0);
    }

    /** Until the current function returns to its caller. */
    public Stop finish(int cpu) {
        Cpu c = target.cpu(cpu);
        Stepping.Frame f = Stepping.frame(target, memory, c);
        return step(cpu, x -> x.rip == f.returnAddress() && Long.compareUnsigned(x.r[Reg.RSP], f.stackAfter()) >= 0);
    }

    /** A predicate on the CPU about to take a step: true stops before that step. */
    interface Until { boolean stop(Cpu cpu); }

    private boolean atStatementOrMachineCode(Cpu c) {
        return target.site(c.rip).map(s -> Stepping.startsStatement(s.kind())).orElse(true);
    }

    private Stop step(int cpu, Until until) {
        Cpu c = target.cpu(cpu);
        StepWatch hook = new StepWatch(c, until, stepIntoInterrupts, memory);
        return run(hook, cpu);
    }

    private Stop run(StepWatch hook, int stepCpu) {
        if (ended()) return last;
        Machine m = target.machine();
        m.setHook(hook == null ? baseHook : baseHook == null ? hook : both(baseHook, hook));
        target.runtime().ifPresent(rt -> rt.setStepping(baseStepping || hook != null));
        try {
            while (true) {
                if (budget <= 0) return last = new Stop(Stop.Kind.BUDGET, stepCpu < 0 ? 0 : stepCpu, 0, 0, "the step budget (--max-steps) is spent");
                RunResult r = lastResult = m.run(Math.min(CHUNK, budget));
                budget -= r.steps();
                switch (r.reason()) {
                    case STEP_LIMIT -> {
                        if (interrupted.getAsBoolean()) return last = new Stop(Stop.Kind.INTERRUPTED, stepCpu < 0 ? 0 : stepCpu, 0, 0, "interrupted");
                    }
                    case STOPPED -> { return last = stopped(hook, stepCpu); }
                    case POWER_OFF -> { return last = new Stop(Stop.Kind.EXITED, 0, (int) r.exitStatus(), 0, r.detail()); }
                    default -> { return last = new Stop(Stop.Kind.ENDED, 0, 0, 0, r.reason().name().toLowerCase() + ": " + r.detail()); }
                }
            }
        } finally {
            m.setHook(baseHook);
            target.runtime().ifPresent(rt -> rt.setStepping(baseStepping));
        }
    }

    private static StepHook both(StepHook first, StepHook second) {
        return new StepHook() {
            @Override public boolean beforeStep(Cpu cpu) { return first.beforeStep(cpu) & second.beforeStep(cpu); }

            @Override public boolean onFault(Cpu cpu, dev.tk86.isa.fault.GuestFault f) { return first.onFault(cpu, f) || second.onFault(cpu, f); }
        };
    }

    private Stop stopped(StepWatch hook, int stepCpu) {
        Breakpoint b = breakpoints.takeHit(target.machine().cpus().toArray(new Cpu[0]));
        Watchpoints.Hit w = watchpoints.takeHit();
        if (w != null) {
            String d = w.write() ? String.format("old = 0x%x, new = 0x%x", w.oldValue(), w.newValue()) : "read";
            return new Stop(Stop.Kind.WATCHPOINT, w.cpu(), w.watchpoint().number(), w.address(), d);
        }
        if (b != null) return new Stop(Stop.Kind.BREAKPOINT, breakpoints.hitCpu(), b.number(), 0, b.spec());
        if (hook != null && hook.done()) { breakpoints.resetPass(); return new Stop(Stop.Kind.STEP, stepCpu, 0, 0, ""); }
        return new Stop(Stop.Kind.INTERRUPTED, Math.max(stepCpu, 0), 0, 0, "stopped");
    }

    /** The TKL function at {@code address}, if any. */
    public FunctionMap function(long address) { return target.sourceMap().flatMap(m -> m.functionAt(address)).orElse(null); }

    /** The step hook of a step command: counts the stepping CPU's steps outside interrupt handlers. */
    static final class StepWatch implements StepHook {
        private final Cpu cpu;
        private final Until until;
        private final boolean intoInterrupts;
        private final RawMemory memory;
        private long externalSeen;
        private int seen;
        private long resumeRip = -1, resumeRsp;
        private boolean done;

        StepWatch(Cpu cpu, Until until, boolean intoInterrupts, RawMemory memory) {
            this.cpu = cpu;
            this.until = until;
            this.intoInterrupts = intoInterrupts;
            this.memory = memory;
            this.externalSeen = cpu.externalInterrupts;
        }

        boolean done() { return done; }

        @Override
        public boolean beforeStep(Cpu c) {
            if (c != cpu) return true;
            if (!intoInterrupts && c.externalInterrupts != externalSeen) {
                externalSeen = c.externalInterrupts;
                if (resumeRip < 0) {
                    // the handler's frame (SDM Vol. 3A, 6.14.2): RIP at [rsp], RSP at [rsp+24]
                    resumeRip = memory.readValue(c, c.r[Reg.RSP], 8);
                    resumeRsp = memory.readValue(c, c.r[Reg.RSP] + 24, 8);
                }
                return true;
            }
            if (resumeRip >= 0) {
                if (c.rip != resumeRip || c.r[Reg.RSP] != resumeRsp) return true;
                resumeRip = -1;
            }
            if (++seen < 2) return true;
            if (!until.stop(c)) return true;
            done = true;
            return false;
        }
    }
}
