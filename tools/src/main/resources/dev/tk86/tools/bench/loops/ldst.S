/* ldst.S -- memory reads apart from memory writes.
 *
 * Loop body: exactly 10 instructions per iteration: eight 64-bit accesses to
 * eight stack slots, then count down and branch.  By default the eight are
 * loads folded into an add; with -DSTORES they are stores of the countdown.
 * Checksum: the low byte of the sum of the first slot and the running total.
 */
#include "ending.h"
#ifndef ITERS
#define ITERS 10000000
#endif
        .text
        .globl  _start
_start:
        mov     $ITERS, %rcx
        sub     $64, %rsp
        xor     %eax, %eax
        .irp    k,0,1,2,3,4,5,6,7
        movq    $(2*\k+1), 8*\k(%rsp)
        .endr
        .p2align 4
body:
        .irp    k,0,1,2,3,4,5,6,7
#ifdef STORES
        mov     %rcx, 8*\k(%rsp)        /* store */
#else
        add     8*\k(%rsp), %rax        /* load */
#endif
        .endr
        dec     %rcx
        jnz     body

        add     (%rsp), %rax
        movzbl  %al, %edi
        FINISH
