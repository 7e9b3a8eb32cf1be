package dev.tk86.kernel.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.diag.SourceFile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One namespace per kernel tree: names resolve across files in any order (docs/tkl.md §2). */
class MultiFileTest {
    static final List<SourceFile> TREE = List.of(
            new SourceFile("sys/proc.tk", "struct proc { p_addr: *user, p_cpu: *cpu_info }\n"),
            new SourceFile("sys/pcb.tk", "struct user { u_pcb: pcb }\nstruct pcb { pcb_rsp: u64 }\n"),
            new SourceFile("arch/amd64/include/cpu.tk", "struct cpu_info { ci_curproc: *proc }\nvar cpu0: cpu_info;\n"),
            new SourceFile("kern/kern_sched.tk", "fn curproc() -> *proc { return curcpu().ci_curproc; }\n"),
            new SourceFile("arch/amd64/amd64/genassym.tk", "assym PCB_RSP = offsetof(pcb, pcb_rsp);\n"));

    @Test
    void declarationsResolveAcrossFilesInAnyOrder() throws Exception {
        var p = Frontend.compileOrThrow(TREE, Options.none());
        assertEquals(List.of("arch/amd64/amd64/genassym.tk", "arch/amd64/include/cpu.tk", "kern/kern_sched.tk",
                "sys/pcb.tk", "sys/proc.tk"), p.sources().stream().map(SourceFile::path).toList());
        assertEquals(List.of("cpu_info", "user", "pcb", "proc"), p.structs().stream().map(s -> s.name()).toList(),
                "stable order: by file path, then position");
        List<SourceFile> rev = new java.util.ArrayList<>(TREE);
        java.util.Collections.reverse(rev);
        var reversed = Frontend.compileOrThrow(rev, Options.none());
        assertEquals(p.structs(), reversed.structs());
    }

    @Test
    void errorsFromSeveralFilesAreAllReportedSorted() {
        List<SourceFile> bad = List.of(
                new SourceFile("b.tk", "fn g() -> u32 { return missing; }\n"),
                new SourceFile("a.tk", "fn f() { let x: u8 = 300; }\nstruct s { a: t }\n"),
                new SourceFile("c.tk", "fn f() {}\n"));
        Compilation c = Frontend.compile(bad, Options.none());
        assertEquals(List.of(
                "a.tk:1:22: constant 300 is out of range for u8 (the initialiser of 'x')",
                "a.tk:2:15: unknown type 't'",
                "b.tk:1:24: unknown identifier 'missing'",
                "c.tk:1:4: duplicate definition of 'f' (first defined at a.tk:1:4)"),
                c.errors().stream().map(d -> d.headline()).toList());
        assertTrue(c.render().endsWith("4 errors"));
    }

    @Test
    void enabledOptionsMustBeDeclared() {
        Compilation c = Frontend.compile(TREE, new Options(Set.of("DIAGNOSTIC"), Set.of("DIAGNOSTIK")));
        assertEquals("<options>: option 'DIAGNOSTIK' is enabled but not declared (known: DIAGNOSTIC)", c.errors().get(0).headline());
    }
}
