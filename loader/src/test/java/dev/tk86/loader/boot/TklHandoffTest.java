package dev.tk86.loader.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.loader.ImageException;
import dev.tk86.loader.support.Boots;
import dev.tk86.loader.support.TestKernels;
import dev.tk86.loader.support.TklStub;
import dev.tk86.loader.tkl.TklProgram;
import dev.tk86.loader.tkl.TklProgramLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the loader hands the TKL runtime (docs/architecture.md, "From sources to a running machine"): the .tkl bytes as they
 * are in the file, the .text.tkl range both virtual and physical, and the symbol table; on a
 * machine whose memory already holds the segments. Images without TKL need no runtime.
 */
class TklHandoffTest {
    @Test
    void runtimeReceivesTheProgramBytesAndTheTextTklRange() throws ImageException {
        TklStub stub = new TklStub();
        BootedImage b = BootLoader.boot(TestKernels.bytes(TestKernels.withTkl()), Boots.config(2), "", stub);
        TklProgram p = stub.bound;
        byte[] expected = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .put("TKLSTUB1".getBytes(StandardCharsets.US_ASCII)).putLong(0x0123456789abcdefL).array();
        assertArrayEquals(expected, p.bytes());
        long tklMain = p.symbols().lookup("tkl_main").orElseThrow().value();
        assertEquals(tklMain, p.textVirtualStart(), ".text.tkl starts with the first TKL function");
        assertEquals(256L, p.textSize());
        assertEquals(tklMain - 0xffffffff80000000L, p.textPhysicalStart(), "physical = virtual - KERNBASE for this kernel");
        assertEquals(p.textPhysicalStart(), b.machine().cpu(0).mmu.peekTranslate(p.textVirtualStart()),
                "the boot page tables map the range where the runtime was told it is");
        assertSame(b.machine(), stub.machine);
        assertSame(b.image(), p.image());
        assertTrue(b.tkl().isPresent());
    }

    @Test
    void runtimeIsCalledWithSegmentsLoadedAndTheBootCpuInItsEntryState() throws ImageException {
        long[] seen = new long[3];
        TklProgramLoader probe = (program, m) -> {
            seen[0] = m.cpu(0).rip;
            seen[1] = m.cpu(0).cr3;
            seen[2] = m.memory().read(program.textPhysicalStart() - 0x4d, 1); // first byte of .text
        };
        BootLoader.boot(TestKernels.bytes(TestKernels.withTkl()), Boots.config(1), "", probe);
        assertEquals(0xffffffff80100000L, seen[0]);
        assertEquals(0x17000L, seen[1]);
        assertEquals(0x48L, seen[2], "movabs's REX.W prefix: .text is already in memory");
    }

    @Test
    void imageWithTklNeedsARuntime() {
        ImageException x = assertThrows(ImageException.class,
                () -> BootLoader.boot(TestKernels.bytes(TestKernels.withTkl()), Boots.config(1), "", null));
        assertEquals(".tkl: the image carries a TKL program but no TKL runtime was given to the loader", x.getMessage());
    }

    @Test
    void imageWithoutTklNeverCallsTheRuntime() throws ImageException {
        TklProgramLoader never = (p, m) -> { throw new AssertionError("called for an image without TKL"); };
        BootedImage b = BootLoader.boot(TestKernels.bytes(TestKernels.hello()), Boots.config(1), "", never);
        assertTrue(b.tkl().isEmpty());
    }

    @Test
    void runtimeErrorsReachTheCallerUnchanged() {
        TklProgramLoader rejecting = (p, m) -> { throw new ImageException(".tkl: function main: no such symbol"); };
        ImageException x = assertThrows(ImageException.class,
                () -> BootLoader.boot(TestKernels.bytes(TestKernels.withTkl()), Boots.config(1), "", rejecting));
        assertEquals(".tkl: function main: no such symbol", x.getMessage());
    }

}
