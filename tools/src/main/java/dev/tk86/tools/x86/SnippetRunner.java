package dev.tk86.tools.x86;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs raw instruction bytes in ring 0 and reports the state they leave (tk86 x86 run).
 *
 * <p>The snippet ends when RIP reaches the first byte after the code (nothing is appended to
 * it, so a jump past the end or a fall-through ends it the same way), at the first exception
 * (taken before delivery: the runner installs no IDT, and the report shows the state at the
 * faulting instruction), at hlt, or after the step budget. One runner reuses one machine.
 */
public final class SnippetRunner {
    private final SnippetMachine machines;

    /** A runner whose machine follows {@code vendor}'s rules. */
    public SnippetRunner(CpuVendor vendor) { machines = new SnippetMachine(vendor); }

    /** A runner with the default (Intel) rules. */
    public SnippetRunner() { this(CpuVendor.INTEL); }

    public SnippetResult run(SnippetCase c) {
        SnippetLayout.validate(c);
        Machine m = machines.prepare(c);
        Cpu cpu = m.cpu(0);
        SnippetHook hook = new SnippetHook(SnippetLayout.CODE + c.code().length);
        m.setHook(hook);
        RunResult r;
        try {
            r = m.run(c.maxSteps());
        } finally {
            m.setHook(null);
        }
        SnippetEnd end;
        long steps = r.steps();
        SnippetFault fault = null;
        String detail = "";
        switch (r.reason()) {
            case STOPPED -> {
                if (hook.fault != null) {
                    end = SnippetEnd.EXCEPTION;
                    fault = SnippetFault.of(hook.fault);
                    steps = hook.stepsAtFault;
                } else {
                    end = SnippetEnd.COMPLETED;
                }
            }
            case STEP_LIMIT -> {
                // The last allowed instruction may have been the last of the code.
                boolean atEnd = cpu.rip == SnippetLayout.CODE + c.code().length;
                end = atEnd ? SnippetEnd.COMPLETED : SnippetEnd.STEP_LIMIT;
                if (!atEnd) detail = "step limit reached: " + c.maxSteps() + " instructions without reaching the end of the code";
            }
            case ALL_HALTED -> end = SnippetEnd.HALTED;
            case POWER_OFF -> {
                end = SnippetEnd.POWER_OFF;
                detail = "exit status " + r.exitStatus();
            }
            default -> {
                end = SnippetEnd.TRIPLE_FAULT;
                detail = r.detail();
            }
        }
        List<MemRegion> after = new ArrayList<>(c.mem().size());
        for (MemRegion region : c.mem())
            after.add(new MemRegion(region.address(), m.memory().dump(region.address(), region.bytes().length)));
        return new SnippetResult(end, steps, cpu.r, cpu.rip, cpu.rflags(), after, fault, machines.console(), detail, c.id());
    }

    /** Machines built so far (1 for a batch that never needed a fresh one). */
    public long machinesBuilt() { return machines.machinesBuilt; }
}
