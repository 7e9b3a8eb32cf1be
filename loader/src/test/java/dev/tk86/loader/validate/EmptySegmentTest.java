package dev.tk86.loader.validate;

import static dev.tk86.loader.support.ElfBytes.P_ALIGN;
import static dev.tk86.loader.support.ElfBytes.P_MEMSZ;
import static dev.tk86.loader.support.ElfBytes.P_OFFSET;
import static dev.tk86.loader.support.ElfBytes.P_TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.machine.RunResult;
import dev.tk86.loader.boot.BootLoader;
import dev.tk86.loader.boot.BootedImage;
import dev.tk86.loader.support.Boots;
import dev.tk86.loader.support.ElfBytes;
import dev.tk86.loader.support.TestKernels;
import org.junit.jupiter.api.Test;

/**
 * A PT_LOAD with p_memsz 0 occupies no memory (gABI "Program Header": the segment's memory
 * size may be zero), so none of the placement rules apply to it. GNU ld emits one for a PHDRS
 * entry whose sections are all empty, e.g. a kernel without read-only data.
 */
class EmptySegmentTest {
    static final int PT_LOAD = 1;

    private static RunResult boot(byte[] image) throws Exception {
        BootedImage b = BootLoader.boot(image, Boots.config(1), "", null);
        return b.machine().run(10_000);
    }

    private static int emptyLoad(ElfBytes e) {
        for (int i = 0; i < (int) e.u16(ElfBytes.E_PHNUM); i++)
            if (e.u32(e.ph(i) + P_TYPE) == PT_LOAD && e.u64(e.ph(i) + P_MEMSZ) == 0) return i;
        throw new AssertionError("ld emitted no empty PT_LOAD for a kernel without .rodata");
    }

    @Test
    void kernelWhoseRodataSegmentIsEmptyBoots() throws Exception {
        byte[] image = TestKernels.bytes(TestKernels.build("no-rodata", "kernel.ld", "no_rodata.s"));
        emptyLoad(new ElfBytes(image));
        RunResult r = boot(image);
        assertEquals(RunResult.Reason.POWER_OFF, r.reason(), r.detail());
        assertEquals(7, r.exitStatus());
    }

    @Test
    void emptySegmentNeedsNoCongruentOffsetOrAddress() throws Exception {
        ElfBytes e = new ElfBytes(TestKernels.bytes(TestKernels.build("no-rodata", "kernel.ld", "no_rodata.s")));
        long ph = e.ph(emptyLoad(e));
        e.put64(ph + P_ALIGN, 0x1000).put64(ph + P_OFFSET, 0x123);
        RunResult r = boot(e.bytes());
        assertEquals(7, r.exitStatus(), r.detail());
    }
}
