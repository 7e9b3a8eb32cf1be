package dev.tk86.loader.validate;

import static dev.tk86.loader.support.ElfBytes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tk86.loader.ImageException;
import dev.tk86.loader.boot.BootLoader;
import dev.tk86.loader.support.Boots;
import dev.tk86.loader.support.ElfBytes;
import dev.tk86.loader.support.TestKernels;
import dev.tk86.loader.support.TklStub;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-image corpus of issue 4: each case is one small, named mutation of a valid
 * kernel built by GNU as and ld, and must be refused with its own one-line ImageException
 * naming the offending field (ELF-64 Object File Format; gABI), never with another exception.
 * Cases marked TKL start from the kernel that carries a .text.tkl range and a .tkl program.
 */
class MalformedImageCorpusTest {

    record Case(String name, boolean tkl, Consumer<ElfBytes> mutation, String expected) {
        @Override public String toString() { return name; }
    }

    private static final long TEXT_VA = 0xffffffff80100000L, RODATA_VA = 0xffffffff80101000L;

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // --- ELF header --------------------------------------------------------------------
        c.add(hello("empty file", e -> e.truncate(0), "file is 0 bytes, too short for the 64-byte ELF64 header"));
        c.add(hello("truncated inside the ELF header", e -> e.truncate(40), "file is 40 bytes, too short"));
        c.add(hello("bad magic", e -> e.put8(3, 'G'), "e_ident: bad magic 7f 45 4c 47, not an ELF file"));
        c.add(hello("ELFCLASS32", e -> e.put8(4, 1), "e_ident[EI_CLASS]: 1 is not ELFCLASS64 (2)"));
        c.add(hello("big-endian data encoding", e -> e.put8(5, 2), "e_ident[EI_DATA]: 2 is not ELFDATA2LSB"));
        c.add(hello("EI_VERSION 0", e -> e.put8(6, 0), "e_ident[EI_VERSION]: 0 is not EV_CURRENT (1)"));
        c.add(hello("shared object (ET_DYN)", e -> e.put16(E_TYPE, 3), "e_type: 3 (ET_DYN) is not ET_EXEC (2)"));
        c.add(hello("relocatable object (ET_REL)", e -> e.put16(E_TYPE, 1), "e_type: 1 (ET_REL) is not ET_EXEC (2)"));
        c.add(hello("i386 machine", e -> e.put16(E_MACHINE, 3), "e_machine: 0x3 is not EM_X86_64 (62)"));
        c.add(hello("AArch64 machine", e -> e.put16(E_MACHINE, 0xB7), "e_machine: 0xb7 is not EM_X86_64 (62)"));
        c.add(hello("e_version 0", e -> e.put32(E_VERSION, 0), "e_version: 0 is not EV_CURRENT (1)"));
        c.add(hello("e_ehsize of ELF32", e -> e.put16(E_EHSIZE, 52), "e_ehsize: 52 is not 64 (sizeof Elf64_Ehdr)"));
        c.add(hello("e_phentsize of ELF32", e -> e.put16(E_PHENTSIZE, 32), "e_phentsize: 32 is not 56 (sizeof Elf64_Phdr)"));
        c.add(hello("e_shentsize of ELF32", e -> e.put16(E_SHENTSIZE, 40), "e_shentsize: 40 is not 64 (sizeof Elf64_Shdr)"));
        c.add(hello("no section headers", e -> e.put16(E_SHNUM, 0), "e_shnum: 0, the image has no section headers"));
        c.add(hello("program header table beyond the file", e -> e.put64(E_PHOFF, e.size() - 10),
                "program header table: e_phoff"));
        c.add(hello("section header table beyond the file", e -> e.put64(E_SHOFF, 0x7fff_ffff_ffff_ffffL),
                "section header table: e_shoff 0x7fffffffffffffff"));
        c.add(hello("file truncated inside the section headers", e -> e.truncate(e.size() - 100),
                "entries of 64 bytes ends at"));
        c.add(hello("e_shstrndx out of range", e -> e.put16(E_SHSTRNDX, 99), "e_shstrndx: 99 is out of range (e_shnum is 8)"));
        c.add(hello("e_shstrndx SHN_UNDEF", e -> e.put16(E_SHSTRNDX, 0), "e_shstrndx: 0 (SHN_UNDEF)"));
        // --- section headers ---------------------------------------------------------------
        c.add(hello("section name table is not SHT_STRTAB", e -> e.put32(e.sh(e.section(".shstrtab")) + SH_TYPE, 1),
                "(e_shstrndx, the section name table): sh_type 1 is not SHT_STRTAB (3)"));
        c.add(hello("section name table beyond the file", e -> e.put64(e.sh(e.section(".shstrtab")) + SH_SIZE, 0x100000),
                "(e_shstrndx, the section name table): sh_offset+sh_size"));
        c.add(hello("sh_name beyond the section name table", e -> e.put32(e.sh(e.section(".data")) + SH_NAME, 0x1000),
                "section 3: sh_name 0x1000 is beyond the end of the string table"));
        c.add(hello("section contents beyond the file", e -> e.put64(e.sh(e.section(".rodata")) + SH_OFFSET, 0x100000),
                "section 2 (.rodata): sh_offset+sh_size 0x100019 exceeds the file size"));
        c.add(hello("allocated section outside every segment", e -> e.put64(e.sh(e.section(".data")) + SH_ADDR, 0xffffffff80200000L),
                "section 3 (.data): SHF_ALLOC section at 0xffffffff80200000-0xffffffff80200008 is not inside the file-backed part"));
        c.add(hello(".bss beyond its segment's memory image", e -> e.put64(e.sh(e.section(".bss")) + SH_SIZE, 0x3000),
                "section 4 (.bss): SHF_ALLOC section at 0xffffffff80102008-0xffffffff80105008 is not inside the memory image"));
        // --- program headers ---------------------------------------------------------------
        c.add(hello("dynamically linked (PT_INTERP)", e -> e.put32(e.ph(1) + P_TYPE, 3),
                "program header 1: PT_INTERP; a kernel image must be statically linked"));
        c.add(hello("no PT_LOAD", e -> { for (int i = 0; i < 3; i++) e.put32(e.ph(i) + P_TYPE, 0); },
                "no PT_LOAD program header"));
        c.add(hello("p_filesz greater than p_memsz", e -> e.put64(e.ph(2) + P_FILESZ, 0x3000),
                "program header 2: p_filesz 0x3000 exceeds p_memsz 0x2008"));
        c.add(hello("segment beyond the end of the file", e -> e.put64(e.ph(1) + P_FILESZ, 0x10000).put64(e.ph(1) + P_MEMSZ, 0x10000),
                "program header 1: p_offset+p_filesz 0x12000 exceeds the file size"));
        c.add(hello("p_align not a power of two", e -> e.put64(e.ph(0) + P_ALIGN, 0x1001),
                "program header 0: p_align 0x1001 is not a power of two"));
        c.add(hello("p_vaddr and p_offset differ modulo p_align", e -> e.put64(e.ph(1) + P_OFFSET, 0x2010),
                "program header 1: p_vaddr 0xffffffff80101000 and p_offset 0x2010 are not congruent modulo p_align 0x1000"));
        c.add(hello("p_vaddr and p_paddr at different page offsets", e -> e.put64(e.ph(1) + P_PADDR, 0x101010),
                "program header 1: p_vaddr 0xffffffff80101000 and p_paddr 0x101010 have different offsets within a 4 KiB page"));
        c.add(hello("non-canonical segment", e -> e.put64(e.ph(1) + P_VADDR, 0x0000800000001000L),
                "program header 1: virtual range 0x800000001000-0x800000001019 is not canonical"));
        c.add(hello("segment wraps around the address space", e -> e.put64(e.ph(1) + P_VADDR, 0xfffffffffffff000L).put64(e.ph(1) + P_MEMSZ, 0x2000),
                "program header 1: p_vaddr 0xfffffffffffff000 + p_memsz 0x2000 wraps around the address space"));
        c.add(hello("segment outside RAM", e -> e.put64(e.ph(1) + P_PADDR, 0x7fff000),
                "program header 1: physical range 0x7fff000-0x7fff019 is outside RAM (0x4000000 bytes"));
        c.add(hello("segment in the boot loader's low memory", e -> e.put64(e.ph(1) + P_PADDR, 0x20000),
                "program header 1: physical range 0x20000-0x20019 collides with the boot loader's low memory 0x0-0x100000"));
        c.add(hello("segment linked into the identity map elsewhere", e -> e.put64(e.ph(1) + P_VADDR, 0x300000),
                "program header 1: p_vaddr 0x300000 lies in the boot identity map 0x0-0x40000000, but p_paddr 0x101000 differs"));
        c.add(hello("segments overlap in virtual memory", e -> e.put64(e.ph(1) + P_VADDR, TEXT_VA),
                "segments 0 and 1 overlap in virtual memory at 0xffffffff80100000"));
        c.add(hello("segments overlap in physical memory", e -> e.put64(e.ph(2) + P_PADDR, 0x101000),
                "segments 1 and 2 overlap in physical memory at 0x101000"));
        c.add(hello("segments share a virtual page on different frames", e -> e.put64(e.ph(1) + P_VADDR, TEXT_VA + 0x100)
                        .put64(e.ph(1) + P_OFFSET, 0x2100).put64(e.ph(1) + P_PADDR, 0x101100),
                "segments 0 and 1 share virtual page 0xffffffff80100000 but put it at different physical pages 0x100000 and 0x101000"));
        // --- symbol table ------------------------------------------------------------------
        c.add(hello("stripped: no symbol table", e -> e.put32(e.sh(e.section(".symtab")) + SH_TYPE, 1),
                "no symbol table: the image has no SHT_SYMTAB section"));
        c.add(hello("two symbol tables", e -> e.put32(e.sh(e.section(".rodata")) + SH_TYPE, 2),
                "section 5 (.symtab): a second SHT_SYMTAB section (the first is section 2 (.rodata))"));
        c.add(hello("symbol table sh_entsize", e -> e.put64(e.sh(e.section(".symtab")) + SH_ENTSIZE, 16),
                "section 5 (.symtab): sh_entsize 16 is not 24 (sizeof Elf64_Sym)"));
        c.add(hello("symbol table size not a multiple of 24", e -> e.put64(e.sh(e.section(".symtab")) + SH_SIZE, 0x11f),
                "section 5 (.symtab): sh_size 0x11f is not a multiple of 24"));
        c.add(hello("symbol table sh_link out of range", e -> e.put32(e.sh(e.section(".symtab")) + SH_LINK, 99),
                "section 5 (.symtab): sh_link 99 is out of range (e_shnum is 8)"));
        c.add(hello("symbol table linked to a non-string table", e -> e.put32(e.sh(e.section(".symtab")) + SH_LINK, 1),
                "section 5 (.symtab): sh_link 1, section 1 (.text), is not a string table"));
        c.add(hello("symbol table sh_info beyond its symbols", e -> e.put32(e.sh(e.section(".symtab")) + SH_INFO, 1000),
                "section 5 (.symtab): sh_info 1000 (index of the first non-local symbol) exceeds the symbol count 12"));
        c.add(hello("symbol name beyond the string table", e -> e.put32(e.sym(1) + ST_NAME, 0xFFFF),
                "symbol 1: st_name 0xffff is beyond the end of the string table section 6 (.strtab)"));
        c.add(hello("string table without its final NUL", e -> e.put8(e.contents(".strtab") + e.u64(e.sh(e.section(".strtab")) + SH_SIZE) - 1, 'x'),
                "section 6 (.strtab): string table does not end with a NUL byte"));
        c.add(hello("symbol section index out of range", e -> e.put16(e.sym(11) + ST_SHNDX, 0x200),
                "st_shndx 512 is out of range (e_shnum is 8)"));
        c.add(hello("symbol with extended section index", e -> e.put16(e.sym(11) + ST_SHNDX, 0xFFFF),
                "st_shndx 0xffff (SHN_XINDEX, extended section indices) is not supported"));
        // --- entry point ------------------------------------------------------------------
        c.add(hello("entry point in read-only data", e -> e.put64(E_ENTRY, RODATA_VA),
                "e_entry: 0xffffffff80101000 is not inside the file-backed part of an executable (PF_X) PT_LOAD segment"));
        c.add(hello("entry point outside every segment", e -> e.put64(E_ENTRY, 0xffffffff90000000L),
                "e_entry: 0xffffffff90000000 is not inside"));
        c.add(hello("entry point in a non-executable section", e -> e.put64(e.sh(e.section(".text")) + SH_FLAGS, 2),
                "e_entry: 0xffffffff80100000 is not inside an executable section (SHF_ALLOC|SHF_EXECINSTR); it is in section 1 (.text)"));
        // --- TKL sections ------------------------------------------------------------------
        c.add(tkl(".text.tkl without a .tkl program", e -> renameToTail(e, ".tkl", ".shstrtab"),
                "section .text.tkl (TKL functions) is present but the image has no .tkl section carrying the TKL program"));
        c.add(tkl(".tkl program without .text.tkl", e -> renameToTail(e, ".text.tkl", ".text.tkl"),
                ".tkl: the image carries a TKL program but no .text.tkl section for its functions"));
        c.add(tkl("empty .tkl", e -> e.put64(e.sh(e.section(".tkl")) + SH_SIZE, 0), ".tkl: empty (sh_size 0)"));
        c.add(tkl(".tkl without contents (SHT_NOBITS)", e -> e.put32(e.sh(e.section(".tkl")) + SH_TYPE, 8),
                ".tkl: SHT_NOBITS; the TKL program section must carry the program's bytes"));
        c.add(tkl(".tkl holding a Java class file", e -> e.put32(e.contents(".tkl"), 0xBEBAFECAL),
                ".tkl: holds a Java class file (magic 0xcafebabe); images never carry host bytecode"));
        c.add(tkl(".tkl with content the TKL runtime rejects", e -> e.put32(e.contents(".tkl"), 0x58585858),
                ".tkl: not a TKL program (no TKLSTUB1 header in its first 8 of 16 bytes)"));
        c.add(tkl(".text.tkl not executable", e -> e.put64(e.sh(e.section(".text.tkl")) + SH_FLAGS, 2),
                "section 2 (.text.tkl): sh_flags 0x2 lack SHF_ALLOC|SHF_EXECINSTR"));
        c.add(tkl("entry point inside .text.tkl", e -> e.put64(E_ENTRY, e.u64(e.sh(e.section(".text.tkl")) + SH_ADDR)),
                "is inside .text.tkl; the entry point must be machine code, not a TKL function"));
        return c;
    }

    /** Renames a section by pointing its sh_name one byte further into {@code into}'s name (".shstrtab" -> "shstrtab"). */
    private static void renameToTail(ElfBytes e, String section, String into) {
        long name = e.u32(e.sh(e.section(into)) + SH_NAME);
        e.put32(e.sh(e.section(section)) + SH_NAME, name + 1);
    }

    private static Case hello(String name, Consumer<ElfBytes> m, String expected) { return new Case(name, false, m, expected); }

    private static Case tkl(String name, Consumer<ElfBytes> m, String expected) { return new Case(name, true, m, expected); }

    static Stream<Case> corpus() { return cases().stream(); }

    private static String refuse(Case k) {
        byte[] base = TestKernels.bytes(k.tkl() ? TestKernels.withTkl() : TestKernels.hello());
        ElfBytes e = new ElfBytes(base);
        k.mutation().accept(e);
        try {
            BootLoader.boot(e.bytes(), Boots.config(2), "", new TklStub());
        } catch (ImageException x) {
            return x.getMessage();
        } catch (Throwable t) {
            StringWriter s = new StringWriter();
            t.printStackTrace(new PrintWriter(s));
            fail(k.name() + ": expected an ImageException, got " + s);
        }
        return fail(k.name() + ": the malformed image was accepted");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void malformedImageIsRefusedWithItsOwnOneLineMessage(Case k) {
        String message = refuse(k);
        assertTrue(message.contains(k.expected()), () -> k.name() + ": expected a message containing\n  " + k.expected() + "\nbut got\n  " + message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertFalse(message.contains("Exception"), "no Java exception names in user messages: " + message);
    }

    @Test
    void corpusHasAtLeastThirtyCasesAndEveryMessageIsDistinct() {
        List<Case> all = cases();
        assertTrue(all.size() >= 30, "issue 4 asks for at least 30 malformed images, have " + all.size());
        Map<String, String> seen = new HashMap<>();
        for (Case k : all) {
            String m = refuse(k);
            String other = seen.put(m, k.name());
            assertEquals(null, other, "cases '" + other + "' and '" + k.name() + "' give the same message: " + m);
        }
    }

    @Test
    void theUnmutatedImagesBoot() throws ImageException {
        BootLoader.boot(TestKernels.bytes(TestKernels.hello()), Boots.config(2), "", null);
        BootLoader.boot(TestKernels.bytes(TestKernels.withTkl()), Boots.config(2), "", new TklStub());
    }
}
