/* alu.S -- register arithmetic, no memory at all.
 *
 * Loop body: exactly 10 instructions per iteration -- seven that stir six
 * registers (add, xor, sub, rol, or, lea-free on purpose so every one sets
 * flags) and three of loop control (count, compare, branch).
 * Checksum: the low byte of the six registers xored together.
 */
#include "ending.h"
#ifndef ITERS
#define ITERS 20000000
#endif
        .text
        .globl  _start
_start:
        mov     $ITERS, %r13            /* how many */
        xor     %r12d, %r12d            /* how many so far */
        mov     $0x9, %eax
        mov     $0x7, %ebx
        mov     $0x5, %ecx
        mov     $0x3, %edx
        mov     $0x2, %esi
        mov     $0x1, %edi
        .p2align 4
body:
        add     %rdi, %rax              /*  1 */
        xor     %rax, %rbx              /*  2 */
        rol     $3, %rbx                /*  3 */
        sub     %rbx, %rcx              /*  4 */
        add     %rcx, %rdx              /*  5 */
        xor     %rdx, %rsi              /*  6 */
        or      %rsi, %rdi              /*  7 */
        inc     %r12                    /*  8 */
        cmp     %r13, %r12              /*  9 */
        jne     body                    /* 10 */

        xor     %rbx, %rax
        xor     %rcx, %rax
        xor     %rdx, %rax
        xor     %rsi, %rax
        xor     %rax, %rdi
        movzbl  %dil, %edi
        FINISH
