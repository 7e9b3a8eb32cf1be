package dev.tk86.kernel.runtime;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;

/**
 * Prologue and epilogue of TKL functions on the emulated stack (SysV AMD64 frames), and the
 * ABI poison applied on every TKL return when it is turned on.
 */
public final class Frames {
    private Frames() {}

    /** Registers SysV lets a callee clobber, without rax: rcx rdx rsi rdi r8 r9 r10 r11. */
    static final int[] CALLER_SAVED = {Reg.RCX, Reg.RDX, Reg.RSI, Reg.RDI, Reg.R8, Reg.R9, Reg.R10, Reg.R11};
    public static final long POISON = 0xDEAD_0000_0000_0000L;

    /** push rbp; mov rsp, rbp; sub frameSize, rsp. Returns the new rbp. */
    public static long enter(TklRuntime rt, Cpu cpu, long frameSize) {
        long rsp = cpu.r[Reg.RSP];
        Mem.st64(rt, cpu, rsp - 8, cpu.r[Reg.RBP]);
        long rbp = rsp - 8;
        cpu.r[Reg.RBP] = rbp;
        cpu.r[Reg.RSP] = rbp - frameSize;
        return rbp;
    }

    /**
     * rax = value; mov rbp, rsp; pop rbp; ret. Both stack words are read before any register
     * changes, so a fault on them leaves the frame as it was.
     */
    public static void leave(TklRuntime rt, Cpu cpu, long value, boolean hasValue) {
        long rbp = cpu.r[Reg.RBP];
        long savedRbp = Mem.ld64(rt, cpu, rbp);
        long ret = Mem.ld64(rt, cpu, rbp + 8);
        cpu.r[Reg.RAX] = value;
        if (rt.abiPoison()) {
            for (int r : CALLER_SAVED) cpu.r[r] = POISON | r;
            if (!hasValue) cpu.r[Reg.RAX] = POISON | Reg.RAX;
        }
        cpu.r[Reg.RSP] = rbp + 16;
        cpu.r[Reg.RBP] = savedRbp;
        cpu.rip = ret;
    }

    /** A call: the return site's address goes on the stack, RIP to the callee. */
    public static void call(TklRuntime rt, Cpu cpu, long target, long returnSite) {
        Mem.push(rt, cpu, returnSite);
        cpu.rip = target;
    }
}
