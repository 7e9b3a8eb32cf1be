package dev.tk86.tools.bench;

import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * One program of {@code tk86 bench tkl}: which TKL function main runs ({@code mode}), how
 * many statements one iteration executes, the result it must compute (a reference in Java),
 * and the default iteration count (about half a second per run in fast mode).
 */
public record TklBenchProgram(String key, int mode, int perIteration, long iterations, LongUnaryOperator expected) {
    /** A while loop of three statements, all in one function: in fast mode one hand-over per iteration (its back edge). */
    public static final TklBenchProgram LOOP = new TklBenchProgram("loop", 0, 3, 15_000_000, n -> {
        long s = 0;
        for (long i = 0; i < n; i++) s += i ^ (s >>> 3);
        return s;
    });

    /** A for loop that calls a two-statement function: six statements and a call and a return per iteration. */
    public static final TklBenchProgram CALL = new TklBenchProgram("call", 1, 6, 5_000_000, n -> {
        long s = 0;
        for (long i = 0; i < n; i++) s = s + i * 3;
        return s;
    });

    public static final List<TklBenchProgram> ALL = List.of(LOOP, CALL);

    /** The TKL tree of the benchmark image: both programs, chosen by the global {@code mode}. */
    public static final String TKL = """
            // tk86 bench tkl: statements per second of TKL code on the emulated CPU.
            var mode: u32;
            var n_iter: u64;

            fn loop_sum(n: u64) -> u64 {
                let s: u64 = 0;
                let i: u64 = 0;
                while i < n {
                    s += i ^ (s >> 3);
                    i += 1;
                }
                return s;
            }

            fn add3(a: u64, b: u64) -> u64 {
                return a + b * 3;
            }

            fn call_sum(n: u64) -> u64 {
                let s: u64 = 0;
                for let i: u64 = 0; i < n; i += 1 {
                    s = add3(s, i);
                }
                return s;
            }

            fn main() -> u64 {
                if mode == 0 {
                    return loop_sum(n_iter);
                }
                return call_sum(n_iter);
            }
            """;

    /** locore of the benchmark image: call main, keep its 64-bit result, power off with its low half. */
    public static final String LOCORE = """
            	.text
            	.globl start
            	.type start, @function
            start:
            	call main
            	mov %rax, bench_result(%rip)
            	mov $0x501, %edx
            	out %eax, (%dx)
            1:	hlt
            	jmp 1b
            	.size start, . - start

            	/* every PHDRS segment of the script needs a section, so the rodata one gets this */
            	.section .rodata
            banner:
            	.asciz "tk86 bench tkl"

            	.data
            	.globl bench_result
            	.balign 8
            bench_result:
            	.quad 0

            	.section .note.GNU-stack,"",@progbits
            """;

    /** The linker script of docs/boot.md: linked at KERNBASE + 1 MiB, loaded at 1 MiB. */
    public static final String LINKER_SCRIPT = """
            OUTPUT_FORMAT("elf64-x86-64")
            OUTPUT_ARCH(i386:x86-64)
            ENTRY(start)
            KERNBASE = 0xffffffff80000000;
            PHDRS { text PT_LOAD FLAGS(5); rodata PT_LOAD FLAGS(4); data PT_LOAD FLAGS(6); }
            SECTIONS
            {
            	. = KERNBASE + 0x100000;
            	.text : AT(ADDR(.text) - KERNBASE) { *(.text) } :text
            	.text.tkl : AT(ADDR(.text.tkl) - KERNBASE) { *(.text.tkl) } :text
            	. = ALIGN(0x1000);
            	.rodata : AT(ADDR(.rodata) - KERNBASE) { *(.rodata .rodata.*) } :rodata
            	. = ALIGN(0x1000);
            	.data : AT(ADDR(.data) - KERNBASE) { *(.data .data.*) } :data
            	.bss : AT(ADDR(.bss) - KERNBASE) { *(.bss .bss.*) *(COMMON) } :data
            	.tkl 0 : { KEEP(*(.tkl)) }
            	/DISCARD/ : { *(.note.gnu.property) *(.comment) }
            }
            """;
}
