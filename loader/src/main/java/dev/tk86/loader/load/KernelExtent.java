package dev.tk86.loader.load;

import dev.tk86.loader.boot.BootLayout;
import dev.tk86.loader.elf.ProgramHeader;
import java.util.List;

/**
 * The physical pages the kernel occupies: from the lowest PT_LOAD p_paddr rounded down to a
 * page to the highest p_paddr + p_memsz rounded up (the boot-info fields kernel_phys_start and
 * kernel_phys_end).
 */
public record KernelExtent(long physStart, long physEnd) {
    public static KernelExtent of(List<ProgramHeader> loads) {
        long lo = Long.MAX_VALUE, hi = 0;
        for (ProgramHeader p : loads) {
            if (p.memsz() == 0) continue;
            lo = Math.min(lo, p.paddr());
            hi = Math.max(hi, p.paddr() + p.memsz());
        }
        if (hi == 0) lo = 0;
        return new KernelExtent(BootLayout.pageDown(lo), BootLayout.pageUp(hi));
    }
}
