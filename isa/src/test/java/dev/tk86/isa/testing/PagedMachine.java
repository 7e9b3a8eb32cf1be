package dev.tk86.isa.testing;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.exec.StepHook;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.isa.mem.PhysicalMemory;
import dev.tk86.isa.mmu.PageTableBuilder;

/**
 * A machine set up the way a 64-bit kernel leaves it after boot, for tests that run code in
 * ring 0 with paging on: 4-level page tables (CR0.PG|PE|WP, CR4.PAE|PGE, EFER.LME|LMA|NXE), an
 * IDT whose 256 interrupt gates each lead to a stub that halts, and a stack.
 *
 * <p>Layout (virtual = physical in the identity-mapped part, 2 MiB pages, supervisor,
 * writable, not global, covering [2 MiB, 32 MiB); the first 2 MiB stay unmapped so a null
 * pointer faults):
 * <pre>
 *   0x0010_0000  page tables (not mapped; the walker reads them physically)
 *   0x0020_0000  IDT, 256 gates            {@link #IDT}
 *   0x0020_1000  fault stubs, 4 bytes each {@link #stub(int)}: hlt; jmp back to the hlt
 *   0x0040_0000  code                      {@link #CODE}
 *   0x0080_0000  top of the stack          {@link #STACK_TOP}
 *   0x0100_0000  free for test data        {@link #DATA}
 *   0x0200_0000+ frames for {@link #map(long, long)} mappings anywhere else
 * </pre>
 * A program ends with {@code hlt}: interrupts are off, so the run stops with every CPU halted.
 * An exception either goes through the IDT to its stub (the default, as on hardware; see
 * {@link #haltedVector()}) or, after {@link #stopOnFault()}, stops the run before delivery
 * with the fault kept in {@link #fault()}.
 */
public final class PagedMachine {
    public static final long TABLES = 0x0010_0000, IDT = 0x0020_0000, STUBS = 0x0020_1000;
    public static final long CODE = 0x0040_0000, STACK_TOP = 0x0080_0000, DATA = 0x0100_0000;
    public static final long IDENTITY_START = 0x0020_0000, IDENTITY_END = 0x0200_0000;
    public static final int CS = 0x08, SS = 0x10;
    private static final int STUB_SIZE = 4;

    private final Machine machine;
    private final PageTableBuilder pages;
    private long nextFrame = IDENTITY_END;
    private GuestFault fault;

    private PagedMachine(Machine machine) {
        this.machine = machine;
        PhysicalMemory mem = machine.memory();
        pages = new PageTableBuilder(mem, TABLES);
        for (long a = IDENTITY_START; a < IDENTITY_END; a += 2L << 20) pages.map2m(a, a, PageTableBuilder.P | PageTableBuilder.RW);
        for (int v = 0; v < 256; v++) {
            long stub = stub(v);
            mem.load(stub, new byte[] {(byte) 0xF4, (byte) 0xEB, (byte) 0xFD}, 0, 3); // hlt; jmp .-1
            long lo = (stub & 0xFFFF) | ((long) CS << 16) | (0xEL << 40) | (1L << 47) | ((stub & 0xFFFF_0000L) << 32);
            mem.write(IDT + v * 16L, 8, lo);
            mem.write(IDT + v * 16L + 8, 8, stub >>> 32);
        }
        for (Cpu c : machine.cpus()) {
            pages.activate(c);
            c.idtBase = IDT;
            c.idtLimit = 256 * 16 - 1;
            c.cs = CS;
            c.ss = SS;
            c.setRflags(Rflags.FIXED1);
            c.r[Reg.RSP] = STACK_TOP;
            c.rip = CODE;
        }
    }

    /** One CPU. */
    public static PagedMachine create() { return create(1); }

    public static PagedMachine create(int cpus) { return create(MachineConfig.defaults().withCpus(cpus)); }

    /** A machine of this configuration (e.g. another CPU vendor). */
    public static PagedMachine create(MachineConfig config) { return new PagedMachine(new Machine(config)); }

    /** Sets up an existing machine (e.g. one with a random schedule) this way. */
    public static PagedMachine on(Machine machine) { return new PagedMachine(machine); }

    public Machine machine() { return machine; }
    public Cpu cpu() { return machine.cpu(0); }
    public PageTableBuilder pages() { return pages; }
    public PhysicalMemory memory() { return machine.memory(); }

    /** Address of the stub that vector {@code v}'s gate leads to. */
    public static long stub(int v) { return STUBS + (long) v * STUB_SIZE; }

    /** A fresh zeroed physical frame above the identity-mapped part. */
    public long allocFrame() {
        long f = nextFrame;
        nextFrame += PhysicalMemory.PAGE_SIZE;
        if (nextFrame > memory().size()) throw new IllegalStateException("PagedMachine ran out of frames");
        memory().load(f, new byte[PhysicalMemory.PAGE_SIZE], 0, PhysicalMemory.PAGE_SIZE);
        return f;
    }

    /** Maps the 4 KiB page at {@code va} (outside the identity-mapped part) to a fresh frame; returns the frame. */
    public long map(long va, long flags) {
        if (va >= 0 && va < IDENTITY_END) throw new IllegalArgumentException(String.format("0x%x is inside the identity-mapped part", va));
        long pa = allocFrame();
        pages.map4k(va & ~0xFFFL, pa, flags | PageTableBuilder.P);
        return pa;
    }

    /** Writes bytes at virtual {@code va} through the page tables (no faults, no A/D bits). */
    public void write(long va, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) memory().write8(physical(va + i), bytes[i] & 0xFF);
    }

    public byte[] read(long va, int len) {
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) b[i] = (byte) memory().read8(physical(va + i));
        return b;
    }

    private long physical(long va) {
        long pa = cpu().mmu.peekTranslate(va);
        if (pa < 0) throw new IllegalArgumentException(String.format("0x%x is not mapped", va));
        return pa;
    }

    /** Loads {@code code} at {@link #CODE} and points CPU 0 at it (running again if it had halted). */
    public PagedMachine load(byte[] code) {
        write(CODE, code);
        cpu().rip = CODE;
        cpu().state = Cpu.State.RUNNING;
        return this;
    }

    /** Assembles {@code source} with GNU as, loads it at {@link #CODE}. */
    public PagedMachine asm(String... lines) { return load(Assembler.assembleLines(lines)); }

    /** Exceptions stop the run before delivery; {@link #fault()} tells which. */
    public PagedMachine stopOnFault() {
        machine.setHook(new StepHook() {
            @Override public boolean beforeStep(Cpu cpu) { return true; }

            @Override public boolean onFault(Cpu cpu, GuestFault f) {
                fault = f;
                return true;
            }
        });
        return this;
    }

    /** Exceptions go through the IDT again (undoes {@link #stopOnFault()}). */
    public PagedMachine deliverFaults() {
        machine.setHook(null);
        return this;
    }

    /** The exception that stopped the run (with {@link #stopOnFault()}), or null. */
    public GuestFault fault() { return fault; }

    /** Runs until every CPU halts (or a fault stops it), at most a million steps. */
    public RunResult run() { return run(1_000_000); }

    public RunResult run(long maxSteps) {
        fault = null;
        return machine.run(maxSteps);
    }

    /**
     * Runs a program that must end in its own {@code hlt}: fails (with the exception or the
     * stub's vector) if it faulted or did not halt within a million steps.
     */
    public PagedMachine runToHlt() {
        RunResult r = run();
        if (fault != null) throw new AssertionError("the program raised " + fault + " at rip 0x" + Long.toHexString(cpu().rip));
        if (haltedVector() >= 0) throw new AssertionError("the program took exception vector " + haltedVector());
        if (r.reason() != RunResult.Reason.ALL_HALTED) throw new AssertionError("the program did not halt: " + r.reason() + " " + r.detail());
        return this;
    }

    /** Runs a program that must raise an exception (with {@link #stopOnFault()} set by this call). */
    public GuestFault runToFault() {
        stopOnFault();
        RunResult r = run();
        if (fault == null) throw new AssertionError("the program raised no exception: " + r.reason() + " " + r.detail());
        return fault;
    }

    /** The vector whose stub CPU 0 halted in, or -1 if it halted elsewhere. */
    public int haltedVector() {
        long at = cpu().rip - 1 - STUBS;
        return cpu().state == Cpu.State.HALTED && at >= 0 && at < 256L * STUB_SIZE && at % STUB_SIZE == 0 ? (int) (at / STUB_SIZE) : -1;
    }

    public long reg(int r) { return cpu().r[r]; }

    public PagedMachine set(int r, long v) { cpu().r[r] = v; return this; }
}
