package dev.tk86.tools.debug;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.decode.DecodeException;
import dev.tk86.isa.decode.Decoder;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Mnemonic;
import dev.tk86.kernel.lower.StepKind;
import dev.tk86.kernel.srcmap.FunctionMap;
import dev.tk86.loader.elf.Symbol;
import java.util.Optional;

/** What the step commands need to know about the code under a CPU. */
final class Stepping {
    private Stepping() { }

    /** A call instruction at RIP and its length. */
    record Call(int length) { }

    /** Where the current function returns to, and the stack pointer once it has. */
    record Frame(long returnAddress, long stackAfter) { }

    /** Sites where a TKL statement begins (the others continue a statement after a call). */
    static boolean startsStatement(StepKind k) {
        return k == StepKind.STATEMENT || k == StepKind.ENTRY || k == StepKind.END;
    }

    /** The x86 call instruction at {@code cpu.rip}, or null if it is not one (or not machine code). */
    static Call callAt(DebugTarget t, Cpu cpu) {
        if (t.isTkl(cpu.rip)) return null;
        byte[] bytes = new RawMemory(t).read(cpu, cpu.rip, 15, false);
        if (bytes == null) return null;
        try {
            Insn insn = Decoder.decode(dev.tk86.isa.decode.ByteSource.of(bytes, 0, bytes.length), cpu.rip);
            return insn.mnemonic() == Mnemonic.CALL ? new Call(insn.length()) : null;
        } catch (DecodeException e) {
            return null;
        }
    }

    /**
     * The current frame's return. TKL frames always keep rbp (docs/tkl.md 17.3); in machine
     * code, at a function's first byte the return address is at the top of the stack, and
     * elsewhere the frame-pointer convention is assumed.
     */
    static Frame frame(DebugTarget t, RawMemory mem, Cpu cpu) {
        Optional<FunctionMap> f = t.sourceMap().flatMap(m -> m.functionAt(cpu.rip));
        long rsp = cpu.r[Reg.RSP], rbp = cpu.r[Reg.RBP];
        boolean atEntry = f.map(fn -> fn.start() == cpu.rip)
                .orElseGet(() -> t.symbols().containing(cpu.rip).map(Symbol::value).orElse(-1L) == cpu.rip);
        if (atEntry) return new Frame(mem.readValue(cpu, rsp, 8), rsp + 8);
        return new Frame(mem.readValue(cpu, rbp + 8, 8), rbp + 16);
    }
}
