package dev.tk86.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.kernel.bundle.TklBundle;
import dev.tk86.kernel.check.Options;
import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.testing.TestElf;
import dev.tk86.kernel.testing.TklImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Binding checks that an image was built from the program it carries, and says in one line
 * what does not match (the loader prefixes ".tkl: "): a malformed bundle, a program that
 * does not compile, a TKL function without its symbol or with the wrong number of sites or
 * outside .text.tkl, a global of the wrong size, an extern the code uses that nobody defines.
 */
class BindErrorsTest {
    static final String PROGRAM = """
            extern fn x86_f(x: u64) -> u64;
            var g: u64 = 3;
            fn f(x: u64) -> u64 {
                if x > 1 {
                    return x86_f(x);
                }
                return g;
            }
            fn main() -> u64 {
                printf("hi\\n");
                return f(0);
            }
            """;
    static final String X86 = ".text\n.globl x86_f\nx86_f: mov %rdi, %rax\nret\n.section .note.GNU-stack,\"\",@progbits\n";

    final TklImage img = TklImage.of("bind.tk", PROGRAM).asm(X86).build();
    final TestElf elf = img.elf;
    final TestElf.Section t = elf.sections.get(".text.tkl");
    final TextRange text = new TextRange(t.addr(), t.size(), elf.physical(t.addr()));
    final Map<String, ImageSymbols.Symbol> syms = new HashMap<>();

    BindErrorsTest() {
        elf.symbols.forEach((k, v) -> syms.put(k, new ImageSymbols.Symbol(v.value(), v.size())));
    }

    String error(byte[] bundle) {
        Machine m = new Machine(MachineConfig.defaults().withCpus(1));
        return assertThrows(TklBindException.class, () -> TklBinding.bind(m, bundle, text, n -> Optional.ofNullable(syms.get(n)))).getMessage();
    }

    String error() { return error(img.bundle); }

    @Test
    void theImageAsBuiltBinds() throws Exception {
        Machine m = new Machine(MachineConfig.defaults().withCpus(1));
        TklRuntime rt = TklBinding.bind(m, img.bundle, text, n -> Optional.ofNullable(syms.get(n)));
        assertEquals(List.of("f", "main"), rt.sourceMap().functions().stream().map(f -> f.name()).toList());
    }

    @Test
    void aFunctionWithoutItsSymbol() {
        syms.remove("f");
        assertEquals("TKL function 'f' has no symbol in the image", error());
    }

    @Test
    void aFunctionWithAnotherNumberOfSites() {
        var f = syms.get("f");
        syms.put("f", new ImageSymbols.Symbol(f.value(), f.size() - 1));
        assertEquals("symbol 'f' is " + (f.size() - 1) + " bytes, but the TKL function has " + f.size()
                + " sites (the image was not built from this program)", error());
    }

    @Test
    void aFunctionOutsideTextTkl() {
        syms.put("main", new ImageSymbols.Symbol(text.virtualEnd() + 16, syms.get("main").size()));
        assertTrue(error().startsWith(String.format("symbol 'main' at 0x%x is not inside .text.tkl (0x%x-0x%x)",
                text.virtualEnd() + 16, text.virtualStart(), text.virtualEnd())));
    }

    @Test
    void aGlobalOfAnotherSize() {
        syms.put("g", new ImageSymbols.Symbol(syms.get("g").value(), 4));
        assertEquals("symbol 'g' is 4 bytes, but the TKL program says 8", error());
    }

    @Test
    void anExternNobodyDefines() {
        syms.remove("x86_f");
        assertEquals("'x86_f' (extern in TKL) is not defined in the image", error());
    }

    @Test
    void severalProblemsAreCounted() {
        syms.remove("x86_f");
        syms.remove("g");
        syms.remove("main");
        assertEquals("TKL function 'main' has no symbol in the image (and 2 more problems)", error());
    }

    @Test
    void aMalformedBundle() {
        byte[] b = img.bundle.clone();
        b[b.length - 1] ^= 1;
        assertTrue(error(b).startsWith("TKL bundle: checksum mismatch"), error(b));
        assertTrue(error(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
                .contains("host bytecode"));
    }

    @Test
    void aProgramThatDoesNotCompile() {
        byte[] b = new TklBundle(List.of(new SourceFile("bad.tk", "fn f() -> u32 {\n    return y;\n}\nfn g() { z(); }\n")),
                Options.none()).toBytes();
        assertEquals("the TKL program does not compile: bad.tk:2:12: unknown identifier 'y' (and 1 more error)", error(b));
    }
}
