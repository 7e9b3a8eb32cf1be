package dev.tk86.tools.inspect.expr;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.tools.inspect.InspectException;

/** {@code $name} in an expression: a register of the selected CPU, by gdb's names. */
public final class Registers {
    private Registers() { }

    private static final String[] GPR = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
            "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};

    public static long read(Cpu c, String name, int column) {
        for (int i = 0; i < GPR.length; i++) if (GPR[i].equals(name)) return c.r[i];
        return switch (name) {
            case "rip", "pc" -> c.rip;
            case "eflags", "rflags" -> c.rflags();
            case "cr0" -> c.cr0;
            case "cr2" -> c.cr2;
            case "cr3" -> c.cr3;
            case "cr4" -> c.cr4;
            case "efer" -> c.efer;
            case "fs_base" -> c.fsBase;
            case "gs_base" -> c.gsBase;
            case "k_gs_base" -> c.kernelGsBase;
            default -> throw InspectException.of("column %d: no register '$%s' (rax..r15, rip, eflags, cr0, cr2, cr3, cr4, efer, fs_base, gs_base, k_gs_base)",
                    column, name);
        };
    }
}
