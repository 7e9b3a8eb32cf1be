package dev.tk86.tools.x86;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.mem.PhysicalMemory;
import java.util.Arrays;

/**
 * One single-CPU machine, reused from snippet to snippet so that a batch of a million cases
 * does not build a million machines. Between cases the machine is reset
 * ({@link Machine#reset}: CPU, local APIC, devices, counters, all to power-on state) and every
 * frame a case touched is zeroed (which also drops decoded code); the page tables are copied
 * back from a template and the control registers written as a loader would. So no case can
 * see what the one before it left. When many frames have been touched, a fresh machine is
 * built instead, since wiping them would cost more than starting over.
 */
final class SnippetMachine {
    private static final int MAX_REUSED_FRAMES = 128;

    /** The identity map's table frames, built once; restored by one copy per case. */
    private static final byte[] IDENTITY_TABLES = identityTables();

    private final MachineConfig config;
    private Machine machine;
    /** Frame numbers of every allocated frame, as of {@link #knownAllocated} allocations. */
    private long[] touched = new long[64];
    private int nTouched;
    private long knownAllocated;
    private final StringBuilder console = new StringBuilder();
    long machinesBuilt;

    SnippetMachine(CpuVendor vendor) {
        config = MachineConfig.defaults().withCpus(1).withMemory(SnippetLayout.RAM).withVendor(vendor);
    }

    /** A machine in power-on state with the case's code, memory, page tables and registers. */
    Machine prepare(SnippetCase c) {
        if (machine == null || machine.memory().allocatedFrames() > MAX_REUSED_FRAMES) {
            fresh();
        } else {
            wipeMemory();
            machine.reset();
        }
        console.setLength(0);
        Machine m = machine;
        PhysicalMemory mem = m.memory();
        mem.load(SnippetLayout.CODE, c.code(), 0, c.code().length);
        for (MemRegion r : c.mem()) mem.load(r.address(), r.bytes(), 0, r.bytes().length);
        Cpu cpu = m.cpu(0);
        if (c.paging() == Paging.IDENTITY) {
            mem.load(SnippetLayout.TABLES, IDENTITY_TABLES, 0, IDENTITY_TABLES.length);
            cpu.writeCr3(SnippetLayout.TABLES); // the first table the builder allocates is the PML4
            cpu.writeCr4(SnippetLayout.CR4_PAGING);
            cpu.writeEfer(SnippetLayout.EFER_PAGING);
            cpu.writeCr0(SnippetLayout.CR0_PAGING);
        } else {
            cpu.writeEfer(SnippetLayout.EFER_OFF);
            cpu.writeCr0(SnippetLayout.CR0_OFF);
        }
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
        nTouched = 0;
        knownAllocated = 0;
        machine.console().setListener(b -> console.append((char) b));
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
}
