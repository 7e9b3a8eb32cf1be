package dev.tk86.isa.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.isa.exec.Binder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Binding (decoded instruction to semantics) either gives an op or says, as a
 * {@link DecodeException}, why the form has none (issue 7: a bug in binding code must fail
 * loudly, never reach the guest as #UD). Every form the decoder accepts, with either vendor's
 * rules, must bind without any other exception.
 */
class BindingRulesTest {
    static final int RANDOM = 300_000;

    @Test
    void everyFormTheDecoderAcceptsBindsOrIsRefusedByName() {
        List<byte[]> cases = new ArrayList<>(SubsetForms.corpus());
        RandomInstructions random = new RandomInstructions(0x7C86B1D);
        for (int i = 0; i < RANDOM; i++) {
            byte[] b = new byte[RandomInstructions.LENGTH];
            random.next(b, (i & 1) == 0);
            cases.add(b);
        }
        List<String> internal = new ArrayList<>();
        int bound = 0;
        for (CpuVendor v : CpuVendor.values()) {
            for (byte[] b : cases) {
                Insn insn;
                try {
                    insn = Decoder.decode(ByteSource.of(b, 0, b.length), 0x1000, v);
                } catch (DecodeException e) {
                    continue;
                }
                try {
                    Binder.bind(insn);
                    bound++;
                } catch (DecodeException e) {
                    // refused by name: a form outside the subset, or a lock where none may be
                } catch (RuntimeException e) {
                    if (internal.size() < 20)
                        internal.add(v + " " + HexFormat.of().formatHex(b, 0, insn.length()) + ": " + e);
                }
            }
        }
        assertEquals(List.of(), internal, "binding threw something other than a DecodeException");
        assertFalse(bound < cases.size() / 4, "only " + bound + " of " + 2 * cases.size() + " bound");
    }

    @Test
    void aFormNoBinderKnowsIsAnInternalErrorNotAnUndefinedInstruction() {
        // mov with two immediates: no decoder produces it, so binding it is a bug in tk86
        Insn impossible = new Insn(Mnemonic.MOV, -1, 3, 8, 8, 0,
                List.of(new Operand.Imm(1, 1), new Operand.Imm(2, 1)));
        RuntimeException e = assertThrows(RuntimeException.class, () -> Binder.bind(impossible));
        assertFalse(e instanceof DecodeException, "reported as " + e);
    }
}
