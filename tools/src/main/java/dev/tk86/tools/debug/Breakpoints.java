package dev.tk86.tools.debug;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.exec.CodeCache;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The breakpoints of a session, installed in the machine's decoded-instruction cache (so a
 * breakpoint that is never reached costs nothing) and consulted when a CPU reaches one. A CPU
 * that stopped on a breakpoint passes it once when the run resumes, as gdb steps over its own.
 */
public final class Breakpoints implements CodeCache.BreakpointListener {
    private final DebugTarget target;
    private final Map<Integer, Breakpoint> byNumber = new LinkedHashMap<>();
    private final Map<Long, List<Breakpoint>> byPhysical = new HashMap<>();
    private final java.util.function.IntSupplier numbers;
    /** The CPU that last stopped here, and its step count then: it passes that breakpoint once. */
    private int passCpu = -1;
    private long passSteps;
    private Breakpoint hit;
    private int hitCpu;

    /** {@code numbers} is shared with the other kind, so "delete N" names one thing. */
    public Breakpoints(DebugTarget target, java.util.function.IntSupplier numbers) {
        this.target = target;
        this.numbers = numbers;
        target.machine().code().setBreakpointListener(this);
    }

    /** Adds a breakpoint at virtual {@code address} (translated through {@code via}'s page tables). */
    public Breakpoint add(String spec, long address, Cpu via, Condition condition, boolean internal) {
        long pa = via.mmu.peekTranslate(address);
        if (pa < 0) throw new DebugException(String.format("%s: 0x%x is not mapped on cpu%d", spec, address, via.id));
        Breakpoint b = new Breakpoint(numbers.getAsInt(), spec, address, pa, condition, internal);
        byNumber.put(b.number(), b);
        boolean first = byPhysical.computeIfAbsent(pa, k -> new ArrayList<>()).isEmpty();
        byPhysical.get(pa).add(b);
        if (first) target.machine().code().addBreakpoint(pa);
        target.runtime().ifPresent(rt -> rt.breakpointChanged(address, true));
        return b;
    }

    public boolean delete(int number) {
        Breakpoint b = byNumber.remove(number);
        if (b == null) return false;
        List<Breakpoint> at = byPhysical.get(b.physical());
        at.remove(b);
        if (at.isEmpty()) {
            byPhysical.remove(b.physical());
            target.machine().code().removeBreakpoint(b.physical());
        }
        target.runtime().ifPresent(rt -> rt.breakpointChanged(b.address(), false));
        return true;
    }

    /** The internal breakpoint at {@code address}, if any (gdb's z0 names breakpoints by address). */
    public Breakpoint internalAt(long address, Condition condition) {
        for (Breakpoint b : byNumber.values())
            if (b.internal() && b.address() == address && b.condition() == condition) return b;
        return null;
    }

    public Collection<Breakpoint> all() { return byNumber.values(); }

    public List<Breakpoint> listed() { return byNumber.values().stream().filter(b -> !b.internal()).toList(); }

    @Override
    public boolean stop(Cpu cpu, long pa) {
        if (cpu.id == passCpu && cpu.steps - 1 == passSteps) {
            passCpu = -1;
            return false;
        }
        List<Breakpoint> at = byPhysical.get(pa);
        if (at == null) return false;
        for (Breakpoint b : at) {
            if (b.condition() != null && !holds(b, cpu)) continue;
            hit = b;
            hitCpu = cpu.id;
            return true;
        }
        return false;
    }

    private static boolean holds(Breakpoint b, Cpu cpu) {
        try {
            return b.condition().holds(cpu);
        } catch (DebugException e) {
            return true; // a condition that cannot be evaluated stops, so the user sees why
        }
    }

    /** The breakpoint that stopped the last run, consumed; the CPU then passes it once when resumed. */
    public Breakpoint takeHit(Cpu[] cpus) {
        Breakpoint b = hit;
        hit = null;
        if (b != null) {
            passCpu = hitCpu;
            passSteps = cpus[hitCpu].steps;
        }
        return b;
    }

    public int hitCpu() { return hitCpu; }

    /** Forget a pass-once left from a stop the user stepped away from. */
    public void resetPass() { passCpu = -1; }
}
