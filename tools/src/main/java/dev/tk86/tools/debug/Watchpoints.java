package dev.tk86.tools.debug;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.mem.PhysicalMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data watchpoints of a session. Their frames are watched by the machine, so only accesses
 * to those frames take the slow path, and each is checked here; a hit asks the machine to stop
 * after the instruction (or TKL step) that made it, as a debug register would.
 */
public final class Watchpoints implements Machine.DataWatchListener {
    /** A hit: which watchpoint, the CPU, the address touched, and for writes the value before and after. */
    public record Hit(Watchpoint watchpoint, int cpu, long address, boolean write, long oldValue, long newValue) { }

    private final DebugTarget target;
    private final Map<Integer, Watchpoint> byNumber = new LinkedHashMap<>();
    private final Map<Long, Integer> framesWatched = new HashMap<>();
    /** Last known value of each CHANGE range, by physical address. */
    private final Map<Long, Long> values = new HashMap<>();
    private final java.util.function.IntSupplier numbers;
    private Hit hit;

    /** {@code numbers} is shared with the other kind, so "delete N" names one thing. */
    public Watchpoints(DebugTarget target, java.util.function.IntSupplier numbers) {
        this.target = target;
        this.numbers = numbers;
        target.machine().setDataWatchListener(this);
    }

    public Watchpoint add(String spec, Watchpoint.Kind kind, List<Watchpoint.Range> ranges, int cpu, boolean internal) {
        Watchpoint w = new Watchpoint(numbers.getAsInt(), spec, kind, List.copyOf(ranges), cpu, internal);
        byNumber.put(w.number(), w);
        for (Watchpoint.Range r : ranges) {
            if (kind == Watchpoint.Kind.CHANGE) values.put(r.physical(), read(r));
            for (long f = r.physical() >>> PhysicalMemory.PAGE_SHIFT; f <= (r.physical() + r.length() - 1) >>> PhysicalMemory.PAGE_SHIFT; f++) {
                if (framesWatched.merge(f, 1, Integer::sum) == 1) target.machine().setDataWatch(f, true);
            }
        }
        return w;
    }

    public boolean delete(int number) {
        Watchpoint w = byNumber.remove(number);
        if (w == null) return false;
        for (Watchpoint.Range r : w.ranges()) {
            for (long f = r.physical() >>> PhysicalMemory.PAGE_SHIFT; f <= (r.physical() + r.length() - 1) >>> PhysicalMemory.PAGE_SHIFT; f++) {
                if (framesWatched.merge(f, -1, Integer::sum) == 0) {
                    framesWatched.remove(f);
                    target.machine().setDataWatch(f, false);
                }
            }
        }
        return true;
    }

    public List<Watchpoint> listed() { return byNumber.values().stream().filter(w -> !w.internal()).toList(); }

    public List<Watchpoint> all() { return new ArrayList<>(byNumber.values()); }

    /** The internal watchpoint of {@code kind} on exactly [address, address+length), if any. */
    public Watchpoint internal(Watchpoint.Kind kind, long address, int length) {
        for (Watchpoint w : byNumber.values()) {
            if (!w.internal() || w.kind() != kind) continue;
            Watchpoint.Range r = w.ranges().get(0);
            if (r.address() == address && r.length() == length) return w;
        }
        return null;
    }

    @Override
    public void accessed(Cpu cpu, long va, long pa, int size, boolean write) {
        if (hit != null) return; // the first hit of an instruction is the one reported
        for (Watchpoint w : byNumber.values()) {
            if (w.cpu() >= 0 && w.cpu() != cpu.id) continue;
            if (!kindMatches(w.kind(), write)) continue;
            for (Watchpoint.Range r : w.ranges()) {
                if (!r.overlaps(pa, size)) continue;
                long now = read(r);
                long before = values.getOrDefault(r.physical(), now);
                if (w.kind() == Watchpoint.Kind.CHANGE) {
                    if (now == before) continue;
                    values.put(r.physical(), now);
                }
                hit = new Hit(w, cpu.id, r.address() + Math.max(0, pa - r.physical()), write, before, now);
                target.machine().requestBreak(cpu);
                return;
            }
        }
    }

    private static boolean kindMatches(Watchpoint.Kind k, boolean write) {
        return switch (k) {
            case WRITE, CHANGE -> write;
            case READ -> !write;
            case ACCESS -> true;
        };
    }

    private long read(Watchpoint.Range r) {
        int n = Math.min(8, r.length());
        return target.machine().memory().read(r.physical(), n == 8 || n == 4 || n == 2 || n == 1 ? n : 8);
    }

    public Hit takeHit() {
        Hit h = hit;
        hit = null;
        return h;
    }
}
