package dev.tk86.tools.trace;

import dev.tk86.isa.mem.PhysicalMemory;
import dev.tk86.loader.elf.Symbol;
import dev.tk86.tools.inspect.KernelImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel functions whose entry is an instant event on the timeline (fork1, exit1, and the
 * frees of uareas, vmspaces and procs), and the live counts the timeline graphs: allocated
 * minus freed uareas and vmspaces from the kernel's kc_* counters. Names the kernel lacks are
 * left out.
 */
final class KernelEvents {
    static final Map<String, String> INSTANTS = Map.of(
            "fork1", "fork", "exit1", "exit", "uvm_uarea_free", "free uarea", "uvmspace_free", "free vmspace", "proc_free", "free proc");

    private final KernelImage image;
    private final PhysicalMemory memory;
    final long[] addresses;
    final String[] names;

    KernelEvents(KernelImage image, PhysicalMemory memory) {
        this.image = image;
        this.memory = memory;
        Map<Long, String> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(INSTANTS).entrySet())
            image.symbol(e.getKey()).filter(Symbol::isFunction).ifPresent(s -> found.put(s.value(), e.getValue()));
        this.addresses = found.keySet().stream().mapToLong(Long::longValue).toArray();
        this.names = found.values().toArray(new String[0]);
    }

    /** The event name for a function entry at {@code rip}, or null. */
    String at(long rip) {
        for (int i = 0; i < addresses.length; i++) if (addresses[i] == rip) return names[i];
        return null;
    }

    /** {@code kc_<what>_live}, else {@code kc_<what>_allocs - kc_<what>_frees}, if the kernel counts them. */
    Optional<Long> live(String what) {
        Optional<Long> live = counter("kc_" + what + "_live");
        if (live.isPresent()) return live;
        Optional<Long> a = counter("kc_" + what + "_allocs"), f = counter("kc_" + what + "_frees");
        return a.isPresent() && f.isPresent() ? Optional.of(a.get() - f.get()) : Optional.empty();
    }

    private Optional<Long> counter(String name) {
        return image.symbol(name).flatMap(s -> image.imagePhysical(s.value())).filter(memory::isRam)
                .map(pa -> memory.isAllocated(pa >>> PhysicalMemory.PAGE_SHIFT) ? memory.read(pa, 8) : 0L);
    }
}
