package dev.tk86.kernel.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.check.Frontend;
import dev.tk86.kernel.check.Options;
import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.typed.CheckedProgram;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * genassym: the offsets locore.S uses come from the TKL layouts. The header is run through
 * the real cpp and GNU as (both required), and the assembled values are read back.
 */
class GenassymTest {
    @TempDir Path tmp;

    static CheckedProgram proc(String... enabled) throws Exception {
        return Frontend.compileOrThrow(List.of(new SourceFile("proc.tk", LayoutAgainstGccTest.resource("/tkl/ok/proc.tk"))),
                Options.of(Set.of("DIAGNOSTIC"), enabled));
    }

    @Test
    void emitsOneDefinePerAssymInDeclarationOrder() throws Exception {
        String h = Genassym.emit(proc(), "TEST");
        assertTrue(h.contains("#define PCB_RSP 520\n#define P_ADDR 24\n#define CPU_INFO_PROC_PMAP 32\n#define SIZEOF_PCB 576\n"
                + "#define USPACE_ 24576\n#define KERNBASE 0xffffffff80000000\n"), h);
        assertTrue(h.startsWith("/* assym.h for TEST"), h);
    }

    @Test
    void largeValuesAreHexAndNegativeOnesDecimal() {
        assertEquals("0xffffffff80000000", Genassym.literal(new BigInteger("ffffffff80000000", 16)));
        assertEquals("-16", Genassym.literal(BigInteger.valueOf(-16)));
        assertEquals("4294967295", Genassym.literal(BigInteger.valueOf(0xFFFF_FFFFL)));
    }

    @Test
    void cppAndGnuAsAssembleLocoreCodeUsingTheOffsets() throws Exception {
        CheckedProgram p = proc("DIAGNOSTIC");
        Files.writeString(tmp.resolve("assym.h"), Genassym.emit(p, "TEST"));
        Files.writeString(tmp.resolve("snippet.S"), """
                #include "assym.h"
                	.text
                	.globl	switch_snippet
                switch_snippet:
                	movq	PCB_RSP(%rdi), %rsp
                	movq	%rbx, CPU_INFO_PROC_PMAP(%rcx)
                	movq	P_ADDR(%r12), %r13
                	ret
                	.data
                	.quad	PCB_RSP, P_ADDR, CPU_INFO_PROC_PMAP, SIZEOF_PCB, USPACE_, KERNBASE
                """);
        LayoutAgainstGccTest.run(tmp, "cpp", "-P", "-I", tmp.toString(), "snippet.S", "-o", "snippet.s");
        LayoutAgainstGccTest.run(tmp, "as", "--64", "-o", "snippet.o", "snippet.s");
        LayoutAgainstGccTest.run(tmp, "objcopy", "-O", "binary", "-j", ".data", "snippet.o", "data.bin");
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(tmp.resolve("data.bin"))).order(ByteOrder.LITTLE_ENDIAN);
        StructLayout pcb = p.struct("pcb").orElseThrow();
        assertEquals(pcb.field("pcb_rsp").orElseThrow().offset(), b.getLong(0));
        assertEquals(p.struct("proc").orElseThrow().field("p_addr").orElseThrow().offset(), b.getLong(8));
        assertEquals(p.struct("cpu_info").orElseThrow().field("ci_proc_pmap").orElseThrow().offset(), b.getLong(16));
        assertEquals(pcb.size(), b.getLong(24));
        assertEquals(6 * 4096, b.getLong(32));
        assertEquals(0xffffffff80000000L, b.getLong(40));
        String dis = LayoutAgainstGccTest.run(tmp, "objdump", "-d", "snippet.o");
        assertTrue(dis.contains("mov    0x208(%rdi),%rsp"), dis);
        assertTrue(dis.contains("mov    %rbx,0x20(%rcx)"), dis);
    }
}
