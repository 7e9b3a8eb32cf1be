package dev.tk86.tools.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.tools.boot.TestImages;
import dev.tk86.tools.inspect.stack.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code p EXPR} on the smoke kernel stopped in cpu_hatch on the application processor: TKL
 * globals by their declared types (sys/cpu.tk), curcpu() as the CPU's GS base, . -> * & []
 * and casts with TKL's meaning, frame variables by name, and one-line errors.
 */
class ExpressionTest {
    private static KernelInspector k;
    private static Cpu ap;

    @BeforeAll
    static void stopInCpuHatchOnCpu1() {
        k = StoppedKernel.boot(TestImages.of("GENERIC"), 2);
        long hatch = k.image().address("cpu_hatch");
        ap = StoppedKernel.runUntil(k, c -> c.id == 1 && c.rip == hatch);
    }

    @Test
    void curcpuIsTheSelectedCpusGsBaseAsACpuInfo() {
        CpuView v = k.cpu(1);
        assertEquals("1", v.print("curcpu()->ci_cpuid"));
        assertEquals(ap.gsBase, v.reader().scalar(v.evaluate("curcpu()->ci_self")));
        assertEquals(ap.gsBase, v.reader().scalar(v.evaluate("&cpu_info_store[1]")));
        assertEquals("0", k.cpu(0).print("curcpu()->ci_cpuid"), "each CPU has its own curcpu()");
        assertEquals(v.print("*curcpu()"), v.print("cpu_info_store[1]"));
    }

    @Test
    void structsPrintEveryFieldByNameInDeclarationOrder() {
        String s = k.cpu(0).print("cpu_info_store[0]");
        assertTrue(s.startsWith("{ci_self = 0x") && s.contains(" <cpu_info_store>, ci_cpuid = 0, ci_apicid = 0, ci_flags = "), s);
        int at = 0;
        for (var f : k.image().structLayout("cpu_info").orElseThrow().fields()) {
            int i = s.indexOf((at == 0 ? "{" : ", ") + f.name() + " = ", at);
            assertTrue(i >= at, f.name() + " missing or out of order in " + s);
            at = i + 1;
        }
    }

    @Test
    void pointerArithmeticAndCastsFollowTkl() {
        CpuView v = k.cpu(0);
        long base = k.image().address("cpu_info_store");
        long size = k.image().struct("cpu_info").orElseThrow().size();
        assertEquals(base + size, v.reader().scalar(v.evaluate("&cpu_info_store[0] + 1")));
        assertEquals(1, v.reader().scalar(v.evaluate("&cpu_info_store[1] - &cpu_info_store[0]")));
        assertEquals("1", v.print("((&cpu_info_store[0] as u64 + " + size + ") as *cpu_info)->ci_cpuid"));
        assertEquals("255", v.print("-1 as u8"));
        assertEquals("2", v.print("ncpus"));
        assertEquals(v.print("cpu_info_store[1].ci_apicid"), v.print("(*(&cpu_info_store[0] + 1)).ci_apicid"));
    }

    @Test
    void constantsRegistersAndFunctionSymbolsResolve() {
        CpuView v = k.cpu(1);
        assertEquals("4096", v.print("CPUF_PRESENT"));
        assertEquals(ap.rip, v.reader().scalar(v.evaluate("$rip")));
        assertEquals(String.format("0x%x <cpu_hatch>", ap.rip), v.print("cpu_hatch"));
    }

    @Test
    void frameVariablesShadowGlobalsInTheFramesScope() {
        CpuView v = k.cpu(1);
        Frame top = v.backtrace().get(0);
        assertEquals("cpu_hatch", top.function());
        assertEquals(v.print("curcpu()"), v.print("ci", top), "cpu_hatch(ci) is called with this CPU's cpu_info");
        assertEquals("1", v.print("ci->ci_cpuid", top));
    }

    @Test
    void badExpressionsAreOneLineSayingWhatWasExpected() {
        CpuView v = k.cpu(0);
        assertEquals("no variable, constant or symbol named 'nosuch' in the kernel",
                assertThrows(InspectException.class, () -> v.print("nosuch")).getMessage().replaceFirst("column \\d+: ", ""));
        String fields = String.join(", ", k.image().structLayout("cpu_info").orElseThrow().fields().stream().map(f -> f.name()).toList());
        assertTrue(fields.startsWith("ci_self, ci_cpuid, ci_apicid, ci_flags, ci_kstack, ci_hatch_tsc"), fields);
        assertEquals("struct cpu_info has no field 'ci_nope' (fields: " + fields + ")",
                assertThrows(InspectException.class, () -> v.print("curcpu()->ci_nope")).getMessage());
        assertEquals("column 11: expected a field name after '->', found '['",
                assertThrows(InspectException.class, () -> v.print("curcpu()->[")).getMessage());
        assertEquals("column 5: unexpected character '#' (expressions use names, numbers, . -> * & [] ( ) + - and 'as')",
                assertThrows(InspectException.class, () -> v.print("ncpu#")).getMessage());
        assertEquals("index 64 is outside the array (length 64)".replace("64", String.valueOf(
                        ((dev.tk86.kernel.types.Type.Array) k.image().globalType("cpu_info_store").orElseThrow()).length())),
                assertThrows(InspectException.class, () -> v.print("cpu_info_store[" + ((dev.tk86.kernel.types.Type.Array)
                        k.image().globalType("cpu_info_store").orElseThrow()).length() + "]")).getMessage());
    }

    @Test
    void anUnmappedAddressIsReportedWithoutFaultingTheGuest() {
        CpuView v = k.cpu(0);
        long faultsBefore = k.machine().counters().get("interrupts_delivered");
        InspectException e = assertThrows(InspectException.class, () -> v.print("*(0x1000_0000_0000 as *u64)"));
        assertTrue(e.getMessage().startsWith("address 0x100000000000 is not mapped on cpu0"), e.getMessage());
        assertEquals(faultsBefore, k.machine().counters().get("interrupts_delivered"));
    }
}
