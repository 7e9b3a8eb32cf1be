package dev.tk86.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.kernel.testing.TklImage;
import dev.tk86.kernel.testing.TklMachine;
import org.junit.jupiter.api.Test;

/**
 * TKL functions follow the SysV AMD64 calling convention on the emulated registers (psABI
 * 3.2.1 and 3.2.3): arguments in rdi, rsi, rdx, rcx, r8, r9, the result in rax, and rbx, rbp,
 * r12-r15 preserved. The ABI poison (a run-time switch) overwrites the caller-saved
 * registers on every TKL return, so x86 code that keeps a value in one across a call into
 * TKL, which happens to work without it, fails at once.
 */
class AbiTest {
    static final String PROGRAM = """
            extern fn x86_buggy(x: u64) -> u64;
            extern fn x86_callee_saved() -> u64;
            extern fn x86_void_rax() -> u64;

            var counter: u64;

            fn tkl_leaf(x: u64) -> u64 {
                return x * 2;
            }

            fn tkl_busy(n: u64) -> u64 {
                let s: u64 = 0;
                for let i: u64 = 0; i < n; i += 1 {
                    s += tkl_leaf(i);
                }
                return s + x86_buggy(1);
            }

            fn tkl_void() {
                counter += 1;
            }

            fn six(a: u8, b: i16, c: u32, d: i64, e: bool, f: *u8) -> u64 {
                return a as u64 + b as u64 + c as u64 + d as u64 + e as u64 + f as u64;
            }

            fn main() -> u64 {
                printf("%x %u %x\\n", x86_buggy(100), x86_callee_saved(), x86_void_rax());
                return 0;
            }
            """;

    static TklMachine machine(boolean poison) {
        TklMachine m = new TklMachine(TklImage.of("abi.tk", PROGRAM).asm(TklImage.resource("abi.s")).build());
        m.runtime.setAbiPoison(poison);
        return m;
    }

    @Test
    void withoutThePoisonTheBuggyCallerHappensToWork() {
        TklMachine m = machine(false);
        m.runMain();
        assertEquals("6a 6 0\n", m.console());
    }

    @Test
    void thePoisonBreaksACallerThatReliesOnRcxAcrossATklCall() {
        TklMachine m = machine(true);
        m.runMain();
        assertEquals(String.format("%x 6 %x\n", Frames.POISON + 1 + 6, Frames.POISON), m.console(),
                "rcx came back as 0xdead000000000001; a void return poisons rax too");
    }

    @Test
    void argumentsArriveInTheSixRegistersAndNarrowTypesUseOnlyTheirLowBits() {
        TklMachine m = machine(false);
        // Upper bits of narrow arguments are garbage: SysV leaves them undefined.
        long r = m.call("six", 0xAAAA_AAAA_AAAA_AA07L, 0x7777_7777_7777_FFFEL, 0x1234_5678_0000_0003L,
                -4, 0xFFFF_FF01L, 0x1000);
        assertEquals(7 + (-2) + 3 + (-4) + 1 + 0x1000, r);
    }
}
