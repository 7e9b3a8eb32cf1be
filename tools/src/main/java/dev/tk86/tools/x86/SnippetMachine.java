package dev.tk86.tools.x86;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.isa.cpu.Msr;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.mem.PhysicalMemory;
import java.util.Arrays;

/**
 * One single-CPU machine, reused from snippet to snippet so that a batch of a million cases
 * does not build a million machines. Between cases it is put back into its power-on state:
 * every touched frame zeroed (which also drops decoded code), page tables copied back from a
 * template, TLB flushed, CPU state cleared.
 * Where that cannot be done cheaply or completely, a fresh machine is built instead: after a
 * power-off or triple fault, once the snippets have touched many frames, once the console
 * has taken a lot of output, or when the local APIC is no longer in its power-on state.
 */
final class SnippetMachine {
    private static final int MAX_REUSED_FRAMES = 128;
    private static final long MAX_CONSOLE_BYTES = 1 << 20;
    private static final int[] APIC_REGS = {Msr.X2APIC_TPR, Msr.X2APIC_SVR, Msr.X2APIC_LVT_TIMER,
            Msr.X2APIC_TIMER_INITIAL, Msr.X2APIC_TIMER_DIVIDE};

    /** The identity map's table frames, built once; restored by one copy per case. */
    private static final byte[] IDENTITY_TABLES = identityTables();

    private final MachineConfig config;
    private Machine machine;
    private long[] apicPowerOn;
    /** Frame numbers of every allocated frame, as of {@link #knownAllocated} allocations. */
    private long[] touched = new long[64];
    private int nTouched;
    private long knownAllocated;
    private final StringBuilder console = new StringBuilder();
    private long consoleTotal;
    long machinesBuilt;

    SnippetMachine(CpuVendor vendor) {
        config = MachineConfig.defaults().withCpus(1).withMemory(SnippetLayout.RAM).withVendor(vendor);
    }

    /** A machine in power-on state with the case's code, memory, page tables and registers. */
    Machine prepare(SnippetCase c) {
        if (machine == null || !resettable()) fresh();
        else wipeMemory();
        console.setLength(0);
        Machine m = machine;
        PhysicalMemory mem = m.memory();
        mem.load(SnippetLayout.CODE, c.code(), 0, c.code().length);
        for (MemRegion r : c.mem()) mem.load(r.address(), r.bytes(), 0, r.bytes().length);
        Cpu cpu = m.cpu(0);
        resetCpu(cpu);
        if (c.paging() == Paging.IDENTITY) {
            mem.load(SnippetLayout.TABLES, IDENTITY_TABLES, 0, IDENTITY_TABLES.length);
            cpu.cr3 = SnippetLayout.TABLES; // the first table the builder allocates is the PML4
            cpu.cr0 = SnippetLayout.CR0_PAGING;
            cpu.cr4 = SnippetLayout.CR4_PAGING;
            cpu.efer = SnippetLayout.EFER_PAGING;
        } else {
            cpu.cr0 = SnippetLayout.CR0_OFF;
            cpu.efer = SnippetLayout.EFER_OFF;
        }
        cpu.mmu.flushAll();
        for (int i = 0; i < 16; i++) cpu.r[i] = c.regs().gpr(i);
        cpu.setRflags(c.regs().rflags());
        cpu.rip = SnippetLayout.CODE;
        cpu.exitRun = false;
        return m;
    }

    /** What the snippet wrote to the console. */
    String console() { return console.toString(); }

    private void fresh() {
        machine = new Machine(config);
        machinesBuilt++;
        apicPowerOn = apicState(machine.cpu(0));
        consoleTotal = 0;
        nTouched = 0;
        knownAllocated = 0;
        machine.console().setListener(b -> {
            console.append((char) b);
            consoleTotal++;
        });
    }

    private boolean resettable() {
        return !machine.isStopped()
                && consoleTotal < MAX_CONSOLE_BYTES
                && Arrays.equals(apicState(machine.cpu(0)), apicPowerOn)
                && machine.memory().allocatedFrames() <= MAX_REUSED_FRAMES;
    }

    private void wipeMemory() {
        PhysicalMemory mem = machine.memory();
        if (mem.allocatedFrames() != knownAllocated) rescan(mem);
        for (int i = 0; i < nTouched; i++) {
            long pa = touched[i] << PhysicalMemory.PAGE_SHIFT;
            mem.noteWrite(pa); // drops decoded instructions of the frame, if any
            Arrays.fill(mem.frame(pa), (byte) 0);
        }
    }

    /** Frames are never freed, so the list only changes when the allocation count does. */
    private void rescan(PhysicalMemory mem) {
        nTouched = 0;
        long frames = mem.size() >>> PhysicalMemory.PAGE_SHIFT;
        for (long f = 0; f < frames; f++) {
            if (!mem.isAllocated(f)) continue;
            if (nTouched == touched.length) touched = Arrays.copyOf(touched, 2 * nTouched);
            touched[nTouched++] = f;
        }
        knownAllocated = mem.allocatedFrames();
    }

    private static byte[] identityTables() {
        PhysicalMemory scratch = new PhysicalMemory(SnippetLayout.RAM);
        long cr3 = SnippetLayout.buildIdentityMap(scratch);
        if (cr3 != SnippetLayout.TABLES) throw new IllegalStateException("the PML4 is not the first table frame");
        return scratch.dump(SnippetLayout.TABLES, (int) (SnippetLayout.TABLES_END - SnippetLayout.TABLES));
    }

    private void resetCpu(Cpu cpu) {
        Arrays.fill(cpu.r, 0);
        cpu.rip = 0;
        cpu.cr0 = cpu.cr2 = cpu.cr3 = cpu.cr4 = cpu.efer = 0;
        cpu.fsBase = cpu.gsBase = cpu.kernelGsBase = cpu.tscAux = cpu.star = cpu.lstar = cpu.fmask = 0;
        cpu.tscOffset = 0;
        cpu.es = cpu.ds = cpu.fs = cpu.gs = 0;
        cpu.cs = 0x08;
        cpu.ss = 0x10;
        cpu.cpl = 0;
        cpu.gdtBase = cpu.idtBase = 0;
        cpu.gdtLimit = cpu.idtLimit = 0;
        cpu.state = Cpu.State.RUNNING;
        cpu.shutdownReason = null;
        cpu.steps = 0;
        cpu.tklStatements = 0;
        cpu.interruptShadowUntil = -1;
        machine.idleSteps = 0;
    }

    /** The APIC registers a snippet could change, as rdmsr would read them, and its timer. */
    private static long[] apicState(Cpu cpu) {
        long[] s = new long[APIC_REGS.length + 16 + 1];
        int k = 0;
        for (int msr : APIC_REGS) s[k++] = cpu.apic.read(msr);
        for (int i = 0; i < 8; i++) s[k++] = cpu.apic.read(Msr.X2APIC_ISR0 + i);
        for (int i = 0; i < 8; i++) s[k++] = cpu.apic.read(0x820 + i); // IRR
        s[k] = cpu.apic.deadline();
        return s;
    }
}
