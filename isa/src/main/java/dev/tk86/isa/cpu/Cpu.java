package dev.tk86.isa.cpu;

import dev.tk86.isa.apic.LocalApic;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.mmu.Mmu;

/**
 * The architectural state of one logical processor in 64-bit mode.
 *
 * <p>Fields are public and mutable on purpose: instruction semantics, the TKL code generator's
 * output and the debugger all read and write them directly, and an accessor layer would only
 * stand between the hot loop and the JIT. Everything that has rules (RFLAGS, control registers,
 * MSRs, memory) goes through methods.
 */
public final class Cpu {
    public enum State {
        /** executing */
        RUNNING,
        /** after hlt: waits for an interrupt */
        HALTED,
        /** an application processor that was never started (waits for a STARTUP IPI) */
        PARKED,
        /** shut down by a triple fault; see {@link #shutdownReason} */
        SHUTDOWN
    }

    public final int id;
    public final Machine machine;
    public final Mmu mmu;
    public final LocalApic apic;
    /** Whose rules this processor follows where Intel and AMD differ (the machine's option). */
    public final CpuVendor vendor;

    /** rax..r15, indexed by {@link Reg}. */
    public final long[] r = new long[16];
    public long rip;

    // Lazy status flags, see Flags.
    public int flagsKind, flagsSize;
    public long flagsA, flagsB, flagsRes, flagsEager;
    public boolean flagsCarryIn;
    /** RFLAGS bits other than the six status flags (bit 1 is always set). */
    public long rflagsSys;

    public long cr0, cr2, cr3, cr4, efer;
    public long fsBase, gsBase, kernelGsBase, tscAux, star, lstar, fmask;
    /** wrmsr(TSC) sets the counter: the TSC reads steps + tscOffset. */
    public long tscOffset;
    /** Segment selectors: only their values are kept (selector-only moves). */
    public int es, cs, ss, ds, fs, gs;
    public int cpl;
    public long gdtBase, idtBase;
    public int gdtLimit, idtLimit;

    public State state;
    public String shutdownReason;

    /** Instructions plus TKL statements retired (the step-counted TSC). */
    public long steps;
    /** TKL statements retired (so x86 instructions = steps - tklStatements). */
    public long tklStatements;
    public long interruptsDelivered, doubleFaults;
    /**
     * Spin-wait hints executed (x86 pause, TKL pause()): the PCT schedule takes a CPU that
     * paused during its turn for one that waits on another CPU, and runs another one next.
     */
    public long pauses;
    /** Interrupts from the local APIC (timer, IPIs) taken between steps: debuggers step over them. */
    public long externalInterrupts;
    /** The executor runs while steps < runLimit; delegates honour it too. */
    public long runLimit;
    /**
     * Set by an instruction whose effect the executor must see before the next one: a change
     * of IF, CR3, CR0/CR4, CPL, a halt, an I/O write, an IPI. The executor clears it.
     */
    public boolean exitRun;
    /** STI and mov-to-SS block interrupts until after the next instruction (SDM 6.8.3). */
    public long interruptShadowUntil;

    public Cpu(int id, Machine machine) {
        this.id = id;
        this.machine = machine;
        this.vendor = machine.config().vendor();
        this.mmu = new Mmu(this, machine.memory(), machine.config().tlbCapacity());
        this.apic = new LocalApic(this);
        reset();
    }

    /**
     * tk86's power-on state of a processor (the one docs/boot.md's loader starts from): every
     * register and MSR zero, RFLAGS = 2, paging off, CPL 0 with the flat selectors CS = 0x08 and
     * SS = 0x10, no descriptor tables, running; TLB and local APIC reset; every counter of
     * this CPU at zero. Every field of the architectural state is set here and only here, so
     * a field added later cannot be forgotten by a caller that resets a CPU.
     */
    public void reset() {
        java.util.Arrays.fill(r, 0);
        rip = 0;
        flagsKind = Flags.EAGER;
        flagsSize = 8;
        flagsA = flagsB = flagsRes = flagsEager = 0;
        flagsCarryIn = false;
        rflagsSys = Rflags.FIXED1;
        cr0 = cr2 = cr3 = cr4 = efer = 0;
        fsBase = gsBase = kernelGsBase = tscAux = star = lstar = fmask = 0;
        tscOffset = 0;
        es = ds = fs = gs = 0;
        cs = 0x08;
        ss = 0x10;
        cpl = 0;
        gdtBase = idtBase = 0;
        gdtLimit = idtLimit = 0;
        state = State.RUNNING;
        shutdownReason = null;
        steps = tklStatements = interruptsDelivered = doubleFaults = externalInterrupts = 0;
        runLimit = 0;
        exitRun = false;
        interruptShadowUntil = -1;
        mmu.reset();
        apic.reset();
    }

    /** This CPU's counters, its MMU's and its local APIC's (steps are the machine's to report, net of idle time). */
    public void addCounters(dev.tk86.isa.machine.Counters c) {
        mmu.addCounters(c);
        apic.addCounters(c);
        c.add("interrupts_delivered", interruptsDelivered);
        c.add("double_faults", doubleFaults);
    }

    // --- RFLAGS ----------------------------------------------------------------------------

    public long rflags() { return Flags.status(this) | rflagsSys; }

    public void setRflags(long v) {
        Flags.load(this, v);
        long oldIf = rflagsSys & Rflags.IF;
        rflagsSys = (v & ~Rflags.STATUS) | Rflags.FIXED1;
        if ((rflagsSys & Rflags.IF) != oldIf) exitRun = true;
    }

    public boolean interruptsEnabled() { return (rflagsSys & Rflags.IF) != 0; }

    public boolean df() { return (rflagsSys & Rflags.DF) != 0; }

    // --- control registers ---------------------------------------------------------------------

    /** mov to %cr3: a new address space; non-global TLB entries go (SDM 4.10.4.1). */
    public void writeCr3(long v) {
        cr3 = v;
        mmu.cr3Written();
        exitRun = true;
    }

    public void writeCr0(long v) {
        long changed = cr0 ^ v;
        cr0 = v;
        if ((changed & (Cr.CR0_PG | Cr.CR0_WP)) != 0) mmu.flushAll();
        exitRun = true;
    }

    public void writeCr4(long v) {
        long changed = cr4 ^ v;
        cr4 = v;
        // Toggling PGE (or PAE/PSE) flushes everything, global entries included (SDM 4.10.4.1).
        if ((changed & (Cr.CR4_PGE | Cr.CR4_PAE | Cr.CR4_PSE)) != 0) mmu.flushAll();
        exitRun = true;
    }

    public void writeEfer(long v) {
        long changed = efer ^ v;
        efer = v;
        if ((changed & Cr.EFER_NXE) != 0) mmu.flushAll();
    }

    /** Changes the privilege level; cached access rights depend on it. */
    public void setCpl(int level) {
        if (level == cpl) return;
        cpl = level;
        mmu.clearFast();
        exitRun = true;
    }

    public boolean pagingEnabled() { return (cr0 & Cr.CR0_PG) != 0; }

    public long tsc() { return steps + tscOffset; }

    // --- memory through this CPU's MMU ----------------------------------------------------------

    public long read8(long va) { return mmu.read8(va); }
    public long read16(long va) { return mmu.read16(va); }
    public long read32(long va) { return mmu.read32(va); }
    public long read64(long va) { return mmu.read64(va); }
    public void write8(long va, long v) { mmu.write8(va, v); }
    public void write16(long va, long v) { mmu.write16(va, v); }
    public void write32(long va, long v) { mmu.write32(va, v); }
    public void write64(long va, long v) { mmu.write64(va, v); }

    /** Read of 1, 2, 4 or 8 bytes, zero-extended. */
    public long read(long va, int size) {
        return switch (size) {
            case 1 -> mmu.read8(va);
            case 2 -> mmu.read16(va);
            case 4 -> mmu.read32(va);
            default -> mmu.read64(va);
        };
    }

    public void write(long va, int size, long v) {
        switch (size) {
            case 1 -> mmu.write8(va, v);
            case 2 -> mmu.write16(va, v);
            case 4 -> mmu.write32(va, v);
            default -> mmu.write64(va, v);
        }
    }

    public void push64(long v) {
        long sp = r[Reg.RSP] - 8;
        mmu.write64(sp, v);
        r[Reg.RSP] = sp;
    }

    public long pop64() {
        long sp = r[Reg.RSP];
        long v = mmu.read64(sp);
        r[Reg.RSP] = sp + 8;
        return v;
    }

    // --- registers by size (the ISA's partial-register rules) -----------------------------------

    /** Reads a GPR at 1, 2, 4 or 8 bytes; byte registers 20..23 are ah, ch, dh, bh. */
    public long reg(int num, int size) {
        if (num >= 20) return (r[num - 20] >>> 8) & 0xFF;
        long v = r[num];
        return switch (size) {
            case 1 -> v & 0xFF;
            case 2 -> v & 0xFFFF;
            case 4 -> v & 0xFFFF_FFFFL;
            default -> v;
        };
    }

    /** Writes a GPR: 32-bit writes zero the upper half, 8- and 16-bit writes merge (SDM Vol. 1, 3.4.1.1). */
    public void setReg(int num, int size, long v) {
        if (num >= 20) {
            int n = num - 20;
            r[n] = (r[n] & ~0xFF00L) | ((v & 0xFF) << 8);
            return;
        }
        switch (size) {
            case 1 -> r[num] = (r[num] & ~0xFFL) | (v & 0xFF);
            case 2 -> r[num] = (r[num] & ~0xFFFFL) | (v & 0xFFFF);
            case 4 -> r[num] = v & 0xFFFF_FFFFL;
            default -> r[num] = v;
        }
    }

    @Override
    public String toString() {
        return "cpu" + id + " rip=0x" + Long.toHexString(rip) + " " + state;
    }
}
