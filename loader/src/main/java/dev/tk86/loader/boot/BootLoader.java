package dev.tk86.loader.boot;

import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.elf.ElfImage;
import dev.tk86.loader.load.KernelExtent;
import dev.tk86.loader.load.SegmentLoader;
import dev.tk86.loader.tkl.TklProgram;
import dev.tk86.loader.tkl.TklProgramLoader;
import dev.tk86.loader.tkl.TklSections;
import dev.tk86.loader.validate.ImageReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The boot loader: checks an ELF64 kernel image, loads it into a new machine's physical
 * memory, builds the boot page tables, the GDT and the boot-info structure, binds the TKL
 * program (if any) through the TKL runtime, and leaves the boot CPU at the entry point in the
 * state docs/boot.md describes, with the application processors parked. Nothing runs yet:
 * the caller runs the returned machine.
 */
public final class BootLoader {
    private BootLoader() { }

    /** Images larger than this are refused before they are read (a kernel is a few MiB). */
    public static final long MAX_IMAGE_BYTES = 1L << 30;

    /** Boots the image file at {@code elf}. {@code tkl} may be null for images without TKL code. */
    public static BootedImage boot(Path elf, MachineConfig config, String commandLine, TklProgramLoader tkl)
            throws ImageException {
        return boot(readFile(elf), config, commandLine, tkl);
    }

    /** Boots an image given as bytes (tests, `tk86 build` output kept in memory). */
    public static BootedImage boot(byte[] elf, MachineConfig config, String commandLine, TklProgramLoader tkl)
            throws ImageException {
        String cmd = commandLine == null ? "" : commandLine;
        checkCommandLine(cmd);
        long ram = config.memoryBytes();
        if (ram < BootLayout.MIN_MEMORY)
            throw ImageException.of("memory: 0x%x bytes is less than the 2 MiB the boot protocol needs", ram);
        ElfImage image = ImageReader.read(elf, ram);
        Optional<TklProgram> program = TklSections.find(image);
        if (program.isPresent() && tkl == null)
            throw ImageException.of("%s: the image carries a TKL program but no TKL runtime was given to the loader",
                    TklSections.PROGRAM);

        Machine m = new Machine(config);
        SegmentLoader.load(image, m.memory());
        long tablesEnd = BootPageTables.build(m.memory(), ram, image.loadSegments());
        Gdt.write(m.memory());
        KernelExtent k = KernelExtent.of(image.loadSegments());
        BootInfo info = new BootInfo(config.cpus(), ram, k.physStart(), k.physEnd(), BootLayout.PML4, tablesEnd,
                BootLayout.identityEnd(ram), MemoryMap.build(ram, image.loadSegments()), cmd,
                image.header().entry(), program.isPresent());
        BootInfoWriter.write(m.memory(), info);
        EntryState.apply(m.cpu(0), image.header().entry());
        if (program.isPresent()) tkl.bind(program.get(), m);
        return new BootedImage(m, image, info, program);
    }

    private static void checkCommandLine(String cmd) throws ImageException {
        if (cmd.indexOf('\0') >= 0)
            throw ImageException.of("command line: contains a NUL character, which would end it early");
        int n = cmd.getBytes(StandardCharsets.UTF_8).length;
        if (n > BootLayout.COMMAND_LINE_MAX)
            throw ImageException.of("command line: %d bytes, longer than the %d the boot protocol allows", n, BootLayout.COMMAND_LINE_MAX);
    }

    private static byte[] readFile(Path p) throws ImageException {
        try {
            if (Files.isDirectory(p)) throw new ImageException("cannot read the image: it is a directory");
            long size = Files.size(p);
            if (size > MAX_IMAGE_BYTES)
                throw ImageException.of("file is 0x%x bytes, larger than the 1 GiB tk86 reads", size);
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new ImageException("cannot read the image: no such file");
        } catch (AccessDeniedException e) {
            throw new ImageException("cannot read the image: permission denied");
        } catch (IOException e) {
            throw new ImageException("cannot read the image: " + e.getMessage());
        }
    }
}
