package dev.tk86.tools.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.tools.boot.TestImages;
import dev.tk86.tools.inspect.stack.Frame;
import dev.tk86.tools.inspect.stack.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backtrace walks the rbp chain across TKL frames (SysV layout, docs/tkl.md 17.3) and
 * locore's x86 frames, on the smoke kernel: start (x86) calls main (TKL), which calls
 * pmap_bootstrap, which calls pmap_kenter_pa; main also calls locore's rdmsr.
 */
class BacktraceTest {
    private static String names(List<Frame> frames) {
        StringBuilder sb = new StringBuilder();
        for (Frame f : frames) sb.append(sb.length() == 0 ? "" : " <- ").append(f.function());
        return sb.toString();
    }

    /** The source line a {@code file:line} (or a backtrace line ending in one) names, from the tree the image was built from. */
    private static String source(String where) {
        String fl = where.substring(where.lastIndexOf(' ') + 1);
        String file = fl.substring(0, fl.indexOf(':'));
        int line = Integer.parseInt(fl.substring(fl.indexOf(':') + 1));
        try {
            return java.nio.file.Files.readAllLines(TestImages.LAYOUT.tree().resolve(file)).get(line - 1);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTklCalleeAtItsFirstSiteShowsItsArgumentsFromRegistersAndItsCallersByFileAndLine() {
        KernelInspector k = StoppedKernel.boot(TestImages.of("GENERIC"), 1);
        Cpu c = StoppedKernel.runTo(k, "pmap_kenter_pa");
        List<Frame> bt = k.cpu(c.id).backtrace();
        assertEquals("pmap_kenter_pa <- pmap_bootstrap <- main <- start", names(bt));
        Frame top = bt.get(0);
        assertTrue(top.tkl());
        assertTrue(source(top.fileLine().orElseThrow()).contains("fn pmap_kenter_pa("), "site 0 is the function's own line");
        assertEquals(List.of("va", "pa", "bits"), top.parameters().stream().map(Variable::name).toList());
        // psABI 3.2.3: the first three INTEGER arguments are in rdi, rsi, rdx
        assertEquals(c.r[Reg.RDI], k.cpu(c.id).reader().scalar(top.parameters().get(0).value()));
        assertEquals(c.r[Reg.RDX], k.cpu(c.id).reader().scalar(top.parameters().get(2).value()));
        assertTrue(source(bt.get(1).fileLine().orElseThrow()).contains("pmap_kenter_pa("), "the caller's line is the call");
        assertTrue(bt.get(2).fileLine().orElseThrow().startsWith("kern/init_main.tk:"));
        Frame start = bt.get(3);
        assertTrue(!start.tkl() && start.offset() > 0, "start is x86 code, entered at its symbol and left at the call: " + start);
        // the walk ends where start cleared %rbp
        assertEquals(4, bt.size());
    }

    @Test
    void afterThePrologueTheArgumentsAreReadFromTheFrameAndAgreeWithTheRegisters() {
        KernelInspector k = StoppedKernel.boot(TestImages.of("GENERIC"), 1);
        Cpu c = StoppedKernel.runTo(k, "pmap_kenter_pa");
        long va = c.r[Reg.RDI], pa = c.r[Reg.RSI];
        long entry = c.rip;
        k.image().runtime().orElseThrow().setStepping(true);  // one TKL step per hand-over
        StoppedKernel.runUntil(k, x -> x.rip != entry);
        Frame top = k.cpu(0).backtrace().get(0);
        assertEquals(1, top.offset(), "stopped at site 1, after the prologue");
        assertEquals(c.r[Reg.RBP], top.rbp(), "the prologue made a frame");
        Value first = top.parameters().get(0).value();
        assertTrue(first.inMemory(), "parameters now live in the frame");
        assertEquals(va, k.cpu(0).reader().scalar(first));
        assertEquals(pa, k.cpu(0).reader().scalar(k.cpu(0).evaluate("pa", top)));
        assertEquals("pmap_kenter_pa <- pmap_bootstrap <- main <- start", names(k.cpu(0).backtrace()));
    }

    @Test
    void anX86FunctionWithoutAFramePointerFindsItsCallerThroughTheReturnAddressAboveRsp() {
        KernelInspector k = StoppedKernel.boot(TestImages.of("GENERIC"), 1);
        long rdmsr = k.image().address("rdmsr");
        Cpu c = StoppedKernel.runUntil(k, x -> x.rip == rdmsr);
        assertEquals("rdmsr <- main <- start", names(k.cpu(c.id).backtrace()));
        StoppedKernel.runUntil(k, x -> x.rip == rdmsr + 2);  // after mov %edi,%ecx: inside, no frame of its own
        List<Frame> bt = k.cpu(0).backtrace();
        assertEquals("rdmsr <- main <- start", names(bt));
        assertEquals("rdmsr+0x2", bt.get(0).where());
        assertTrue(bt.get(1).fileLine().orElseThrow().startsWith("kern/init_main.tk:"));
    }

    @Test
    void theTextFormShowsGdbsShape() {
        KernelInspector k = StoppedKernel.boot(TestImages.of("GENERIC"), 1);
        StoppedKernel.runTo(k, "identifycpu");
        String[] lines = k.cpu(0).backtraceText().split("\n");
        assertTrue(lines[0].matches("#0  identifycpu\\(ci=0x[0-9a-f]+ <cpu_info_store>\\) at arch/amd64/amd64/identcpu.tk:4"), lines[0]);
        assertTrue(lines[1].matches("#1  main\\(bip=\\d+\\) at kern/init_main.tk:\\d+"), lines[1]);
        assertTrue(source(lines[1]).contains("identifycpu("), "main's line is the call: " + source(lines[1]));
        assertTrue(lines[2].matches("#2  start\\+0x[0-9a-f]+"), lines[2]);
    }
}
