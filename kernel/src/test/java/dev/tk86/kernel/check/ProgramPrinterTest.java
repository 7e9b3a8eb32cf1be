package dev.tk86.kernel.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.typed.CheckedProgram;
import dev.tk86.kernel.typed.ProgramPrinter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checked program's text form is stable and shows resolved, typed, folded code. */
class ProgramPrinterTest {
    static String proc() throws Exception {
        try (InputStream in = ProgramPrinterTest.class.getResourceAsStream("/tkl/ok/proc.tk")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void sameSourcesAndOptionsPrintIdentically() throws Exception {
        Options o = Options.of(Set.of("DIAGNOSTIC"), "DIAGNOSTIC");
        CheckedProgram a = Frontend.compileOrThrow(List.of(new SourceFile("proc.tk", proc())), o);
        CheckedProgram b = Frontend.compileOrThrow(List.of(new SourceFile("proc.tk", proc())), o);
        assertEquals(ProgramPrinter.print(a), ProgramPrinter.print(b));
    }

    @Test
    void printsTypedFoldedTrees() throws Exception {
        String on = ProgramPrinter.print(Frontend.compileOrThrow(List.of(new SourceFile("proc.tk", proc())),
                Options.of(Set.of("DIAGNOSTIC"), "DIAGNOSTIC")));
        assertTrue(on.contains("struct pcb size 576 align 64\n  0 pcb_savefpu: savefpu\n  512 pcb_cr3: u64\n"), on);
        assertTrue(on.contains("const USPACE: u64 = 24576\n"), on);
        assertTrue(on.contains("var ncpus: u32 size 4 align 4 .data 01 00 00 00\n"), on);
        assertTrue(on.contains("var self_ptr: *cpu_info size 8 align 8 .data 00 00 00 00 00 00 00 00 reloc@0 cpus+48\n"), on);
        assertTrue(on.contains("set (field p_stat@16:u8 (deref:proc (local p))) 7:u8"), on);
        assertTrue(on.contains("(KASSERT \"p.p_addr != null\" proc.tk:"), on);
        assertTrue(on.contains("let y = (convert:u64 (local x))"), on);
        String off = ProgramPrinter.print(Frontend.compileOrThrow(List.of(new SourceFile("proc.tk", proc())),
                Options.of(Set.of("DIAGNOSTIC"))));
        assertFalse(off.contains("KASSERT"), "the DIAGNOSTIC branch folded away");
        assertFalse(off.contains("p_dbgcnt"));
    }
}
