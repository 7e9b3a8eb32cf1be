package dev.tk86.isa.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.isa.testing.PagedMachine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Hot-block compilation ({@link Block}, {@link BlockCompiler}) is invisible to the guest: every
 * program below runs twice, once only interpreted and once with blocks compiled, and must end
 * in the same registers, memory, step counts, interrupt points and fault reports. The rules
 * that make this hold are the executor's own: a step is counted before its instruction runs,
 * RIP is back on the faulting instruction when an exception is delivered (SDM Vol. 3A, 6.5),
 * a store into code affects the next instruction fetched (SDM Vol. 3A, 8.1.3), and an
 * interrupt is taken only between instructions, at the step the timer says.
 */
class BlockCompilationTest {
    static final long DATA = PagedMachine.DATA;
    static final int TIMER_VECTOR = 0x40;

    /** Runs {@code setup} on a fresh machine with compilation on or off, then to the end. */
    private static Outcome run(boolean blocks, MachineConfig config, Consumer<PagedMachine> setup, long maxSteps) {
        PagedMachine m = PagedMachine.on(new Machine(config));
        m.machine().code().compileBlocks = blocks;
        setup.accept(m);
        RunResult r = m.run(maxSteps);
        return new Outcome(m, r);
    }

    private static Outcome run(boolean blocks, Consumer<PagedMachine> setup) {
        return run(blocks, MachineConfig.defaults().withCpus(1), setup, 2_000_000);
    }

    record Outcome(PagedMachine m, RunResult result) {
        CodeCache code() { return m.machine().code(); }

        /** Everything the guest or the run's caller can see, as text so a difference reads as a diff. */
        String state() {
            StringBuilder s = new StringBuilder(result.reason() + " after " + result.steps() + " steps\n");
            for (Cpu c : m.machine().cpus()) {
                s.append(String.format("cpu%d %s rip=%x rflags=%x steps=%d timer=%d ints=%d cr2=%x%n", c.id, c.state, c.rip,
                        c.rflags(), c.steps, c.apic.timerFires, c.interruptsDelivered, c.cr2));
                for (int i = 0; i < 16; i++) s.append(String.format(" r%d=%x", i, c.r[i]));
                s.append('\n');
            }
            s.append("decodes=").append(code().decodes).append(" invalidations=").append(code().invalidations);
            return s.toString();
        }

        /** The data the programs write, their code and their stacks. */
        byte[] memory() {
            byte[] all = new byte[0x30000 + 0x2000 + 0x10000];
            copy(DATA, all, 0, 0x30000);
            copy(PagedMachine.CODE, all, 0x30000, 0x2000);
            copy(PagedMachine.STACK_TOP - 0x10000, all, 0x32000, 0x10000);
            return all;
        }

        private void copy(long pa, byte[] to, int at, int len) {
            for (int i = 0; i < len; i++) to[at + i] = (byte) m.memory().read8(pa + i);
        }
    }

    private static void assertSameOutcome(Outcome interpreted, Outcome compiled) {
        assertEquals(interpreted.state(), compiled.state());
        assertArrayEquals(interpreted.memory(), compiled.memory(), "memory");
        assertEquals(0, interpreted.code().blocksRun, "compilation off runs no block");
        assertTrue(compiled.code().blocksRun > 0, "compilation on ran no block: the test proves nothing");
    }

    /** Points vector {@code v}'s gate at {@code handler} (64-bit interrupt gate, SDM Vol. 3A, 6.14.1). */
    private static void gate(PagedMachine m, int v, long handler) {
        long lo = (handler & 0xFFFF) | ((long) PagedMachine.CS << 16) | (0xEL << 40) | (1L << 47) | ((handler & 0xFFFF_0000L) << 32);
        m.memory().write(PagedMachine.IDT + v * 16L, 8, lo);
        m.memory().write(PagedMachine.IDT + v * 16L + 8, 8, handler >>> 32);
    }

    /**
     * A periodic APIC timer every 37 steps (an odd count, so interrupts land at every position
     * inside the loop's blocks) interrupts a loop of arithmetic, memory, stack and call work. The
     * handler logs the interrupted RIP and the TSC (the step count) of every interrupt.
     */
    private static final String[] TIMER_PROGRAM = {
        "mov $0x83e, %ecx", "mov $0xb, %eax", "xor %edx, %edx", "wrmsr",          // divide by 1
        "mov $0x832, %ecx", "mov $0x20040, %eax", "wrmsr",                        // periodic, vector 0x40
        "mov $0x838, %ecx", "mov $37, %eax", "wrmsr",
        "movq $0x1001000, 0x1000000",                                            // log pointer
        "mov $3000, %r8d", "xor %ebx, %ebx", "xor %r9d, %r9d",
        "sti",
        "1: add %r8, %rbx", "lea (%rbx,%rbx,2), %rbx", "xor %r8, %rbx", "push %rbx", "pop %rsi",
        "mov %rsi, 0x1000008", "mov 0x1000008, %rdi", "add %rdi, %r9", "shr $3, %r9", "call 2f",
        "dec %r8d", "jnz 1b",
        "cli", "hlt",
        "2: inc %r10", "imul $3, %r10, %r11", "ret",
        ".org 0x800",
        "push %rax", "push %rcx", "push %rdx",
        "mov 0x1000000, %rcx", "mov 24(%rsp), %rax", "mov %rax, (%rcx)", "rdtsc", "mov %rax, 8(%rcx)",
        "add $16, %rcx", "mov %rcx, 0x1000000",
        "mov $0x80b, %ecx", "xor %eax, %eax", "xor %edx, %edx", "wrmsr",            // EOI
        "pop %rdx", "pop %rcx", "pop %rax", "iretq",
    };

    @Test
    void timerInterruptsLandOnTheSameStepsWithBlocksCompiled_SDM_Vol3A_6_6() {
        Consumer<PagedMachine> setup = m -> {
            m.asm(TIMER_PROGRAM);
            gate(m, TIMER_VECTOR, PagedMachine.CODE + 0x800);
        };
        Outcome off = run(false, setup), on = run(true, setup);
        assertEquals(RunResult.Reason.ALL_HALTED, off.result().reason(), off.result().detail());
        assertTrue(off.m().cpu().apic.timerFires > 500, "the timer fired " + off.m().cpu().apic.timerFires + " times");
        assertSameOutcome(off, on);
    }

    /**
     * A page fault in the middle of a hot block: the loop's third instruction loads through a
     * pointer read from a table whose 1000th entry is null. The exception frame holds the RIP of
     * that load (SDM Vol. 3A, 6.5: a fault reports the faulting instruction), the step count
     * includes it, and nothing after it ran.
     */
    @Test
    void aFaultInsideAHotBlockReportsTheFaultingInstruction_SDM_Vol3A_6_5() {
        Consumer<PagedMachine> setup = m -> {
            for (int i = 0; i < 1000; i++) m.memory().write(DATA + 0x1000 + 8L * i, 8, DATA + 8L * (i % 7));
            m.memory().write(DATA + 0x1000 + 8L * 1000, 8, 0);
            m.asm("mov $0x1001000, %esi", "xor %ebx, %ebx", "mov $2000, %ecx",
                    "1: mov (%rsi), %rdx", "add $8, %rsi", "mov (%rdx), %rax", "add %rax, %rbx", "inc %rbx",
                    "dec %ecx", "jnz 1b", "hlt");
        };
        Outcome off = run(false, setup), on = run(true, setup);
        Cpu c = off.m().cpu();
        assertEquals(Vector.PF, off.m().haltedVector());
        long faultRip = off.m().memory().read(PagedMachine.STACK_TOP - 40, 8); // below SS, RSP, RFLAGS, CS (SDM Vol. 3A, 6.14.2)
        assertArrayEquals(new byte[] {0x48, (byte) 0x8B, 0x02}, off.m().read(faultRip, 3), "the frame's RIP is on mov (%rdx),%rax");
        assertEquals(0, c.cr2);
        assertSameOutcome(off, on);
    }

    /**
     * A store into a later instruction of the same hot block, made once the block is compiled,
     * changes that instruction for its very next execution, in the same pass through the block
     * (SDM Vol. 3A, 8.1.3). The store goes to data on every other iteration (cmovne picks the
     * address), so the loop stays hot until then.
     */
    @Test
    void aStoreIntoAHotBlockTakesEffectAtTheNextInstruction_SDM_Vol3A_8_1_3() {
        Consumer<PagedMachine> setup = m -> m.asm(
                "xor %ebx, %ebx", "mov $1000, %ecx", "mov $0x1000000, %edi",
                "1: lea 2f+2(%rip), %rdx", "cmp $300, %ecx", "cmovne %rdi, %rdx", "movb $5, (%rdx)",
                "2: add $1, %ebx", "dec %ecx", "jnz 1b", "hlt");
        Outcome off = run(false, setup), on = run(true, setup);
        assertEquals(700 + 300 * 5, on.m().reg(Reg.RBX));
        assertSameOutcome(off, on);
        assertTrue(on.code().invalidations > 0);
    }

    /**
     * Two CPUs take turns every few steps (fewer than the loop's block has ops, or about as
     * many) and draw tickets from a shared counter with lock xadd, each logging its tickets:
     * the logs record the interleaving, so a block that ran past its slice would show.
     */
    @ParameterizedTest
    @ValueSource(ints = {3, 7, 9, 13})
    void aBlockNeverRunsPastTheEndOfItsSlice(int quantum) {
        Consumer<PagedMachine> setup = m -> {
            m.asm("mov %rdi, %rsi", "shl $15, %rsi", "add $0x1002000, %rsi", "mov $1500, %ecx",
                    "1: mov $1, %eax", "lock xadd %rax, 0x1000000", "mov %rax, (%rsi)", "add $8, %rsi",
                    "add %rax, %rbx", "lea 1(%rbx,%rbx,4), %rbx", "dec %ecx", "jnz 1b", "hlt");
            Cpu ap = m.machine().cpu(1);
            ap.state = Cpu.State.RUNNING;
            ap.rip = PagedMachine.CODE;
            ap.r[Reg.RSP] = PagedMachine.STACK_TOP - 0x8000;
            ap.r[Reg.RDI] = 1;
        };
        MachineConfig config = MachineConfig.defaults().withCpus(2).withQuantum(quantum);
        Outcome off = run(false, config, setup, 2_000_000), on = run(true, config, setup, 2_000_000);
        assertEquals(RunResult.Reason.ALL_HALTED, off.result().reason(), off.result().detail());
        assertSameOutcome(off, on);
    }

    /** Machine.run(n) stops after exactly n steps, whatever blocks there are. */
    @Test
    void aRunStopsAtExactlyItsStepLimit() {
        Consumer<PagedMachine> setup = m -> m.asm("1: add $3, %rax", "xor %rax, %rbx", "inc %rcx", "shl $1, %rdx", "jmp 1b");
        Outcome off = run(false, MachineConfig.defaults().withCpus(1), setup, 12_347);
        Outcome on = run(true, MachineConfig.defaults().withCpus(1), setup, 12_347);
        assertEquals(12_347, on.m().cpu().steps);
        assertSameOutcome(off, on);
    }

    /** The generated classes are well-formed class files (ASM's verifier, with data flow). */
    @Test
    void generatedBlockClassesPassTheBytecodeVerifier() {
        List<Class<?>> types = new ArrayList<>(List.of(DataTransfer.MovRR.class, Arithmetic.AddRI.class,
                Stack.PushR.class, ControlTransfer.Jb.class));
        byte[] bytes = BlockCompiler.generate(types.toArray(Class<?>[]::new), new int[] {3, 7, 9, 11});
        StringWriter out = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), getClass().getClassLoader(), false, new PrintWriter(out));
        assertEquals("", out.toString());
    }
}
