package dev.tk86.loader.tkl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.machine.RunResult;
import dev.tk86.kernel.bundle.TklBundle;
import dev.tk86.kernel.check.Options;
import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.stub.StubEmitter;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.boot.BootLoader;
import dev.tk86.loader.boot.BootedImage;
import dev.tk86.loader.support.Boots;
import dev.tk86.loader.support.TestKernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real TKL runtime behind the loader (docs/boot.md §8): an image linked from x86 and the
 * TKL stub boots, its TKL code runs at the addresses the image reserved, and an image whose
 * program does not match its symbols is refused with a ".tkl: " error.
 */
class TklRuntimeBinderTest {
    @TempDir Path tmp;

    static final String TKL = """
            extern fn puts(s: *u8);
            var boots: u32;
            fn tkl_main(info: *u64) -> u32 {
                boots += 1;
                printf("TKL sees boot-info magic %x\\n", *info);
                puts("and locore prints for TKL\\n");
                return boots + 41;
            }
            """;

    static final String X86 = """
            	.text
            	.globl start
            start:
            	call tkl_main
            	mov $0x501, %edx
            	out %eax, (%dx)
            1:	hlt
            	jmp 1b
            	.globl puts
            puts:
            	mov $0xe9, %edx
            2:	movzbl (%rdi), %eax
            	test %al, %al
            	je 3f
            	out %al, (%dx)
            	inc %rdi
            	jmp 2b
            3:	ret
            	.section .note.GNU-stack,"",@progbits
            """;

    byte[] image(String tkl) throws Exception {
        var bundle = new TklBundle(List.of(new SourceFile("main.tk", tkl)), Options.none());
        String stub = StubEmitter.emit(bundle.compile().orThrow(), bundle.toBytes(), "loader test");
        Files.writeString(tmp.resolve("stub.s"), stub);
        Files.writeString(tmp.resolve("x86.s"), X86);
        Files.writeString(tmp.resolve("kernel.ld"), new String(getClass().getResourceAsStream("/kernels/kernel.ld").readAllBytes()));
        TestKernels.run(List.of("as", "--64", "-o", tmp.resolve("stub.o").toString(), tmp.resolve("stub.s").toString()));
        TestKernels.run(List.of("as", "--64", "-o", tmp.resolve("x86.o").toString(), tmp.resolve("x86.s").toString()));
        TestKernels.run(List.of("ld", "-nostdlib", "-static", "-z", "max-page-size=0x1000", "-T", tmp.resolve("kernel.ld").toString(),
                "-o", tmp.resolve("kernel").toString(), tmp.resolve("x86.o").toString(), tmp.resolve("stub.o").toString()));
        return Files.readAllBytes(tmp.resolve("kernel"));
    }

    @Test
    void aKernelWithTklCodeBootsAndRuns() throws Exception {
        TklRuntimeBinder binder = new TklRuntimeBinder(rt -> rt.setAbiPoison(true));
        BootedImage b = BootLoader.boot(image(TKL), Boots.config(1), "", binder);
        RunResult r = b.machine().run(1_000_000);
        assertEquals(RunResult.Reason.POWER_OFF, r.reason(), r.detail());
        assertEquals(42, r.exitStatus());
        assertEquals("TKL sees boot-info magic 544f4f4236384b54\nand locore prints for TKL\n", b.machine().console().text());
        assertTrue(binder.runtime().orElseThrow().abiPoison());
        assertEquals("tkl_main", binder.runtime().orElseThrow().sourceMap().functions().get(0).name());
    }

    @Test
    void anImageWhoseProgramDoesNotMatchItsSymbolsIsRefused() throws Exception {
        byte[] elf = image(TKL + "//" + "x".repeat(60) + "\n");
        var section = dev.tk86.loader.validate.ImageReader.read(elf, Boots.RAM).section(TklSections.PROGRAM).orElseThrow();
        // The same image with another program in .tkl: one more statement in tkl_main, and a
        // shorter comment, so that the bundle is exactly as long as the one it replaces.
        String other = TKL.replace("boots += 1;", "boots += 1;\n    boots += 0;");
        String pad = "//" + "x".repeat((int) (section.size() - bundle(other).length) - 3) + "\n";
        byte[] bundle = bundle(other + pad);
        assertEquals(section.size(), bundle.length);
        System.arraycopy(bundle, 0, elf, (int) section.offset(), bundle.length);
        ImageException e = assertThrows(ImageException.class, () -> BootLoader.boot(elf, Boots.config(1), "", new TklRuntimeBinder()));
        assertTrue(e.getMessage().startsWith(".tkl: symbol 'tkl_main' is "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(the image was not built from this program)"), e.getMessage());
    }

    @Test
    void aCorruptedProgramSectionIsRefused() throws Exception {
        byte[] elf = image(TKL);
        var section = dev.tk86.loader.validate.ImageReader.read(elf, Boots.RAM).section(TklSections.PROGRAM).orElseThrow();
        elf[(int) section.offset() + 20] ^= 0x20;
        ImageException e = assertThrows(ImageException.class, () -> BootLoader.boot(elf, Boots.config(1), "", new TklRuntimeBinder()));
        assertTrue(e.getMessage().startsWith(".tkl: TKL bundle: "), e.getMessage());
    }

    static byte[] bundle(String tkl) { return new TklBundle(List.of(new SourceFile("main.tk", tkl)), Options.none()).toBytes(); }
}
