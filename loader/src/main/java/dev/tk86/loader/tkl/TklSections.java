package dev.tk86.loader.tkl;

import dev.tk86.loader.ImageException;
import dev.tk86.loader.elf.ElfImage;
import dev.tk86.loader.elf.ProgramHeader;
import dev.tk86.loader.elf.SectionHeader;
import java.util.Optional;

/**
 * The two sections through which an image carries TKL code: {@value #TEXT}, the address range
 * reserved for TKL functions (each statement is a site with its own address there), and
 * {@value #PROGRAM}, the checked program itself. An image has both or neither; a plain
 * assembly kernel has neither.
 */
public final class TklSections {
    private TklSections() { }

    public static final String TEXT = ".text.tkl";
    public static final String PROGRAM = ".tkl";
    /** Java class files start with these four bytes (JVMS 4.1); an image must never hold one. */
    private static final int CLASS_MAGIC = 0xCAFEBABE;

    /** Checks the pair and returns what the TKL runtime needs, or empty for an image without TKL. */
    public static Optional<TklProgram> find(ElfImage image) throws ImageException {
        Optional<SectionHeader> text = image.section(TEXT), program = image.section(PROGRAM);
        if (text.isEmpty() && program.isEmpty()) return Optional.empty();
        if (program.isEmpty())
            throw ImageException.of("section %s (TKL functions) is present but the image has no %s section carrying the TKL program",
                    TEXT, PROGRAM);
        SectionHeader p = program.get();
        if (text.isEmpty())
            throw ImageException.of("%s: the image carries a TKL program but no %s section for its functions", PROGRAM, TEXT);
        SectionHeader t = text.get();
        if (p.nobits())
            throw ImageException.of("%s: SHT_NOBITS; the TKL program section must carry the program's bytes", PROGRAM);
        if (p.size() == 0)
            throw ImageException.of("%s: empty (sh_size 0); the TKL program is missing", PROGRAM);
        byte[] bytes = image.contents(p);
        if (bytes.length >= 4 && ((bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF)) == CLASS_MAGIC)
            throw ImageException.of("%s: holds a Java class file (magic 0xcafebabe); images never carry host bytecode", PROGRAM);
        if (!t.alloc() || !t.executable())
            throw ImageException.of("%s: sh_flags 0x%x lack SHF_ALLOC|SHF_EXECINSTR; TKL sites must be executable addresses",
                    t.label(), t.flags());
        ProgramHeader seg = image.segmentAt(t.addr()).orElseThrow(() -> new ImageException(
                t.label() + ": not inside any PT_LOAD segment"));
        if (!seg.executable())
            throw ImageException.of("%s: in program header %d, which is not executable (PF_X); TKL sites are fetched like code",
                    t.label(), seg.index());
        return Optional.of(new TklProgram(bytes, t.addr(), t.size(), seg.physicalOf(t.addr()), image.symbols(), image));
    }
}
