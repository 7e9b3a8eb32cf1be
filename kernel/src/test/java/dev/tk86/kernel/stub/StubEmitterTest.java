package dev.tk86.kernel.stub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.check.Frontend;
import dev.tk86.kernel.check.Options;
import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.lower.Lowering;
import dev.tk86.kernel.testing.Binutils;
import dev.tk86.kernel.testing.TestElf;
import dev.tk86.kernel.typed.CheckedProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembler stub, assembled by GNU as: each TKL function a global STT_FUNC symbol in
 * .text.tkl whose size is its site count and whose bytes are int3; globals global STT_OBJECT
 * symbols in .data/.bss with their sizes and alignments; strings local symbols in .rodata;
 * the bundle byte for byte in the non-allocated .tkl section (ELF gABI, "Symbol Table").
 */
class StubEmitterTest {
    @TempDir Path tmp;

    static final String PROGRAM = """
            struct s { a: u8, b: u64 }
            var counter: u32 = 5;
            var table: [3]s;
            var name: *u8 = "stub";
            var self_ref: *u32 = &counter;
            fn f(x: u64) -> u64 {
                if x > 3 {
                    return x;
                }
                printf("small\\n");
                return 0;
            }
            fn g() {
            }
            """;

    static final int STT_OBJECT = 1, STT_FUNC = 2, STB_LOCAL = 0, STB_GLOBAL = 1;

    @Test
    void theAssembledStubHasTheSymbolsTheRuntimeChecks() throws Exception {
        CheckedProgram p = Frontend.compileOrThrow(List.of(new SourceFile("stub.tk", PROGRAM)), Options.none());
        byte[] bundle = {'T', 'K', 'L', 'B', 1, 2, 3, (byte) 0xff, 0};
        String text = StubEmitter.emit(p, bundle, "test");
        Path s = tmp.resolve("stub.s"), o = tmp.resolve("stub.o");
        Files.writeString(s, text);
        Binutils.run(List.of("as", "--64", "-o", o.toString(), s.toString()));
        TestElf elf = new TestElf(Files.readAllBytes(o));

        var lowered = Lowering.lower(p);
        for (var f : lowered.functions()) {
            TestElf.Sym sym = elf.symbol(f.name());
            assertEquals(f.siteCount(), sym.size(), f.name());
            assertEquals(STT_FUNC, sym.info() & 0xF);
            assertEquals(STB_GLOBAL, sym.info() >>> 4);
        }
        byte[] code = elf.contents(".text.tkl");
        assertEquals(lowered.functions().stream().mapToInt(f -> f.siteCount()).sum(), code.length);
        for (byte b : code) assertEquals((byte) 0xCC, b, "int3 in every site byte");

        assertEquals(4, elf.symbol("counter").size());
        assertEquals(48, elf.symbol("table").size());
        assertEquals(STT_OBJECT, elf.symbol("table").info() & 0xF);
        assertEquals(STB_GLOBAL, elf.symbol("table").info() >>> 4);
        TestElf.Sym str = elf.symbols.get(p.strings().get(0).symbol());
        assertEquals(STB_LOCAL, str.info() >>> 4);
        assertEquals(p.strings().get(0).bytes().length, str.size());
        assertArrayEquals(bundle, elf.contents(".tkl"));
        assertTrue(text.contains("\t.section .text.tkl,\"ax\",@progbits\n"));
        assertTrue(text.contains("\t.quad counter\n"), "a pointer initialiser is a relocation");
        assertTrue(text.contains("\t.section .tkl,\"\",@progbits\n"));
        assertTrue(text.contains("\t.bss\n\t.globl table\n\t.type table, @object\n\t.balign 8\ntable:\n\t.zero 48\n\t.size table, 48\n"), text);
    }

    @Test
    void theIncbinFormNamesTheBundleFile() throws Exception {
        CheckedProgram p = Frontend.compileOrThrow(List.of(new SourceFile("stub.tk", PROGRAM)), Options.none());
        String text = StubEmitter.emitIncbin(p, "/tmp/kernel.bundle", "GENERIC");
        assertTrue(text.contains("\t.section .tkl,\"\",@progbits\n\t.incbin \"/tmp/kernel.bundle\"\n"));
        assertTrue(text.startsWith("/* TKL stub for GENERIC"));
    }
}
