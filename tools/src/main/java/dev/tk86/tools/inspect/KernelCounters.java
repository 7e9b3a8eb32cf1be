package dev.tk86.tools.inspect;

import dev.tk86.isa.mem.PhysicalMemory;
import dev.tk86.loader.elf.Elf;
import dev.tk86.loader.elf.Symbol;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The kernel's own counters: every defined symbol {@code kc_NAME} (a TKL global, e.g.
 * {@code var kc_exits: u64;}) read from the image's physical placement, so they can be read
 * after the machine stopped whatever the CPUs' page tables are. Named without the prefix,
 * sorted by name.
 */
public final class KernelCounters {
    public static final String PREFIX = "kc_";

    private KernelCounters() { }

    public static Map<String, Long> read(KernelImage image, PhysicalMemory memory) {
        Map<String, Long> sorted = new TreeMap<>();
        for (Symbol s : image.symbols().all()) {
            if (!s.name().startsWith(PREFIX) || s.shndx() == Elf.SHN_UNDEF || s.name().length() == PREFIX.length()) continue;
            int size = (int) s.size();
            if (size != 1 && size != 2 && size != 4 && size != 8) continue;
            Optional<Long> pa = image.imagePhysical(s.value());
            if (pa.isEmpty() || !memory.isRam(pa.get())) continue;
            long v = memory.isAllocated(pa.get() >>> PhysicalMemory.PAGE_SHIFT) ? memory.read(pa.get(), size) : 0;
            sorted.put(s.name().substring(PREFIX.length()), v);
        }
        return new LinkedHashMap<>(sorted);
    }
}
