package dev.tk86.tools.gdb;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Msr;
import dev.tk86.isa.cpu.Reg;
import java.util.List;

/**
 * The registers gdb sees, in target-description order (regnum = index): amd64's core set
 * (GPRs, rip, eflags, segment selectors, the x87 registers, which tk86 does not have and
 * reports as zero), then fs_base, gs_base, k_gs_base, cr0, cr2, cr3, cr4, cr8 and efer. Values
 * travel as little-endian hex of the register's size.
 */
public final class Registers {
    /** One register: its name, size in bits, gdb type and group. */
    public record Def(String name, int bits, String type, String group) { }

    private static final int[] GPR_ORDER = {Reg.RAX, Reg.RBX, Reg.RCX, Reg.RDX, Reg.RSI, Reg.RDI, Reg.RBP, Reg.RSP,
            Reg.R8, Reg.R9, Reg.R10, Reg.R11, Reg.R12, Reg.R13, Reg.R14, Reg.R15};
    private static final String[] GPR_NAMES = {"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp",
            "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};

    public static final int RIP = 16, EFLAGS = 17, CS = 18, SS = 19, DS = 20, ES = 21, FS = 22, GS = 23;
    public static final int ST0 = 24, FCTRL = 32, FOP = 39;
    public static final int FS_BASE = 40, GS_BASE = 41, K_GS_BASE = 42, CR0 = 43, CR2 = 44, CR3 = 45, CR4 = 46, CR8 = 47, EFER = 48;
    public static final int COUNT = 49;

    public static final List<Def> DEFS = defs();

    private Registers() { }

    private static List<Def> defs() {
        Def[] d = new Def[COUNT];
        for (int i = 0; i < 16; i++)
            d[i] = new Def(GPR_NAMES[i], 64, i == 6 || i == 7 ? "data_ptr" : "int64", "general");
        d[RIP] = new Def("rip", 64, "code_ptr", "general");
        d[EFLAGS] = new Def("eflags", 32, "i386_eflags", "general");
        String[] segs = {"cs", "ss", "ds", "es", "fs", "gs"};
        for (int i = 0; i < 6; i++) d[CS + i] = new Def(segs[i], 32, "int32", "general");
        for (int i = 0; i < 8; i++) d[ST0 + i] = new Def("st" + i, 80, "i387_ext", "float");
        String[] x87 = {"fctrl", "fstat", "ftag", "fiseg", "fioff", "foseg", "fooff", "fop"};
        for (int i = 0; i < 8; i++) d[FCTRL + i] = new Def(x87[i], 32, "int", "float");
        d[FS_BASE] = new Def("fs_base", 64, "int64", "system");
        d[GS_BASE] = new Def("gs_base", 64, "int64", "system");
        d[K_GS_BASE] = new Def("k_gs_base", 64, "int64", "system");
        String[] crs = {"cr0", "cr2", "cr3", "cr4", "cr8", "efer"};
        for (int i = 0; i < 6; i++) d[CR0 + i] = new Def(crs[i], 64, "int64", "system");
        return List.of(d);
    }

    public static int bytes(int regnum) { return DEFS.get(regnum).bits() / 8; }

    /** The register's value; registers wider than 64 bits (x87) read as zero. */
    public static long read(Cpu c, int n) {
        if (n < 16) return c.r[GPR_ORDER[n]];
        return switch (n) {
            case RIP -> c.rip;
            case EFLAGS -> c.rflags();
            case CS -> c.cs;
            case SS -> c.ss;
            case DS -> c.ds;
            case ES -> c.es;
            case FS -> c.fs;
            case GS -> c.gs;
            case FS_BASE -> c.fsBase;
            case GS_BASE -> c.gsBase;
            case K_GS_BASE -> c.kernelGsBase;
            case CR0 -> c.cr0;
            case CR2 -> c.cr2;
            case CR3 -> c.cr3;
            case CR4 -> c.cr4;
            case CR8 -> (c.apic.read(Msr.X2APIC_TPR) >>> 4) & 0xF;
            case EFER -> c.efer;
            default -> 0; // x87: tk86 has no FPU
        };
    }

    /** Writes a register as gdb's P/G do. Control registers go through the CPU's own setters (TLB flushes etc.). */
    public static void write(Cpu c, int n, long v) {
        if (n < 16) { c.r[GPR_ORDER[n]] = v; return; }
        switch (n) {
            case RIP -> c.rip = v;
            case EFLAGS -> c.setRflags(v);
            case CS -> c.cs = (int) v & 0xFFFF;
            case SS -> c.ss = (int) v & 0xFFFF;
            case DS -> c.ds = (int) v & 0xFFFF;
            case ES -> c.es = (int) v & 0xFFFF;
            case FS -> c.fs = (int) v & 0xFFFF;
            case GS -> c.gs = (int) v & 0xFFFF;
            case FS_BASE -> c.fsBase = v;
            case GS_BASE -> c.gsBase = v;
            case K_GS_BASE -> c.kernelGsBase = v;
            case CR0 -> c.writeCr0(v);
            case CR2 -> c.cr2 = v;
            case CR3 -> c.writeCr3(v);
            case CR4 -> c.writeCr4(v);
            case CR8 -> c.apic.write(Msr.X2APIC_TPR, (v & 0xF) << 4);
            case EFER -> c.writeEfer(v);
            default -> { } // x87: accepted and dropped, there is no FPU to hold it
        }
        c.exitRun = true;
    }

    /** Little-endian hex of {@code bytes} bytes of {@code v} (zero beyond 8 bytes). */
    public static void hex(StringBuilder sb, long v, int bytes) {
        for (int i = 0; i < bytes; i++) sb.append(String.format("%02x", i < 8 ? (v >>> (8 * i)) & 0xFF : 0));
    }

    /** Parses little-endian hex; null if malformed. Bytes beyond the 8th are ignored. */
    public static Long parseHex(String s) {
        if (s.isEmpty() || (s.length() & 1) != 0) return null;
        long v = 0;
        for (int i = 0; i < s.length() / 2; i++) {
            int hi = PacketIo.hex(s.charAt(2 * i)), lo = PacketIo.hex(s.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) return null;
            if (i < 8) v |= (long) (hi << 4 | lo) << (8 * i);
        }
        return v;
    }
}
