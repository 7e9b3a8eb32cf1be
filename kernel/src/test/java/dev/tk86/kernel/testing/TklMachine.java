package dev.tk86.kernel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Cr;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.kernel.runtime.ImageSymbols;
import dev.tk86.kernel.runtime.TextRange;
import dev.tk86.kernel.runtime.TklBindException;
import dev.tk86.kernel.runtime.TklBinding;
import dev.tk86.kernel.runtime.TklRuntime;
import java.util.Optional;

/**
 * A machine running a {@link TklImage} with paging on: the image's segments mapped at their
 * link addresses with 4 KiB pages and their rights (RW only for writable segments, XD for
 * non-executable ones), the first 64 MiB identity-mapped (RW, XD: page tables and free
 * memory for the tests), and per CPU a 64 KiB stack at {@link #STACK_VA} in 4 KiB pages.
 * CPU 0 starts at {@code start} in 64-bit ring 0 with interrupts off and no IDT; the TKL
 * runtime is bound through the image's bundle, as the loader does it.
 */
public final class TklMachine {
    public static final long STACK_VA = 0xffff_c000_0000_0000L;
    public static final long STACK_SIZE = 0x10000;
    private static final long TABLES = 0x20000, TABLES_END = 0x100000, STACK_PA = 0x80_0000;
    public static final long STEPS = 50_000_000;

    public final TklImage image;
    public final Machine machine;
    public final TklRuntime runtime;
    public final PageTables tables;

    public TklMachine(TklImage image) { this(image, 1); }

    public TklMachine(TklImage image, int cpus) {
        this(image, MachineConfig.defaults().withCpus(cpus).withQuantum(1000));
    }

    public TklMachine(TklImage image, MachineConfig config) {
        this.image = image;
        this.machine = new Machine(config);
        int cpus = config.cpus();
        TestElf elf = image.elf;
        for (TestElf.Segment s : elf.segments) {
            machine.memory().load(s.paddr(), elf.bytes, (int) s.offset(), (int) s.filesz());
        }
        tables = new PageTables(machine.memory(), TABLES, TABLES_END);
        for (long a = 0; a < 64L << 20; a += 2L << 20) tables.map2m(a, a, PageTables.RW | PageTables.XD);
        for (TestElf.Segment s : elf.segments) {
            long flags = (s.writable() ? PageTables.RW : 0) | (s.executable() ? 0 : PageTables.XD);
            for (long off = 0; off < s.memsz(); off += 4096) {
                tables.map4k((s.vaddr() + off) & ~0xFFFL, (s.paddr() + off) & ~0xFFFL, flags);
            }
        }
        for (int c = 0; c < cpus; c++) {
            for (long off = 0; off < STACK_SIZE; off += 4096) {
                tables.map4k(stackBase(c) + off, STACK_PA + c * STACK_SIZE + off, PageTables.RW | PageTables.XD);
            }
        }
        for (int c = 0; c < cpus; c++) longMode(machine.cpu(c), c);
        machine.cpu(0).rip = elf.entry;
        TestElf.Section t = elf.sections.get(".text.tkl");
        TextRange text = new TextRange(t.addr(), t.size(), elf.physical(t.addr()));
        ImageSymbols syms = name -> Optional.ofNullable(elf.symbols.get(name)).map(s -> new ImageSymbols.Symbol(s.value(), s.size()));
        try {
            runtime = TklBinding.bind(machine, image.bundle, text, syms);
        } catch (TklBindException e) {
            throw new IllegalStateException(e.getMessage());
        }
        ClassChecks.verify(runtime.program());
    }

    public static long stackBase(int cpu) { return STACK_VA + cpu * 2 * STACK_SIZE; }

    public static long stackTop(int cpu) { return stackBase(cpu) + STACK_SIZE; }

    private void longMode(Cpu c, int id) {
        c.writeEfer(Cr.EFER_LME | Cr.EFER_LMA | Cr.EFER_NXE);
        c.writeCr4(Cr.CR4_PAE | Cr.CR4_PGE);
        c.writeCr3(tables.pml4);
        c.writeCr0(Cr.CR0_PE | Cr.CR0_ET | Cr.CR0_NE | Cr.CR0_WP | Cr.CR0_PG);
        c.mmu.flushAll();
        c.cs = 0x08;
        c.ss = 0x10;
        c.setRflags(Rflags.FIXED1);
        c.r[Reg.RSP] = stackTop(id);
        c.exitRun = false;
    }

    public Cpu cpu() { return machine.cpu(0); }

    public long symbol(String name) { return image.elf.symbol(name).value(); }

    /** Runs from {@code start} (which calls main) until power-off; returns main's rax. */
    public long runMain() {
        RunResult r = machine.run(STEPS);
        expectPowerOff(r);
        return result();
    }

    /** Calls TKL (or x86) function {@code name} with {@code args} from the harness, runs to power-off, returns rax. */
    public long call(String name, long... args) {
        Cpu c = cpu();
        int[] regs = {Reg.RDI, Reg.RSI, Reg.RDX, Reg.RCX, Reg.R8, Reg.R9};
        for (int i = 0; i < args.length; i++) c.r[regs[i]] = args[i];
        c.push64(symbol("harness_return"));
        c.rip = symbol(name);
        RunResult r = machine.run(STEPS);
        expectPowerOff(r);
        return result();
    }

    public void expectPowerOff(RunResult r) {
        if (r.reason() != RunResult.Reason.POWER_OFF)
            fail("expected power-off, got " + r.reason() + ": " + r.detail() + "\nconsole:\n" + console()
                    + "\nrip " + runtime.sourceMap().describe(cpu().rip));
        assertEquals(RunResult.Reason.POWER_OFF, r.reason());
    }

    public long result() { return read(symbol("tkl_result"), 8); }

    public String console() { return machine.console().text(); }

    /** Reads {@code size} bytes of the image at virtual {@code va} from physical memory. */
    public long read(long va, int size) { return machine.memory().read(image.elf.physical(va), size); }

    public void write(long va, int size, long v) { machine.memory().write(image.elf.physical(va), size, v); }

    public long global(String name, int size) { return read(symbol(name), size); }
}
