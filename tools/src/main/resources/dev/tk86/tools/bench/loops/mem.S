/* mem.S -- loads and stores through a 64 KiB table on the stack, and the stack itself.
 *
 * Loop body: exactly 14 instructions per iteration, 8 of them touching memory:
 * 2 loads and 2 stores of the table, 2 pushes and 2 pops.  The cursor moves 16
 * bytes an iteration and each iteration stores 32 bytes ahead of where it loads,
 * so values written earlier come back as later loads; it wraps at 64 KiB.
 * The table (plus 64 bytes past its end for the stores ahead) is zeroed first,
 * so every engine starts from the same bytes.
 * Checksum: the low byte of the running value in %rax.
 */
#include "ending.h"
#ifndef ITERS
#define ITERS 10000000
#endif
#define TABLE 0x10000
#define SLACK 64
        .text
        .globl  _start
_start:
        mov     $ITERS, %r15
        sub     $(TABLE + SLACK), %rsp
        mov     %rsp, %rbx              /* the table */
        sub     $128, %rsp              /* room for the pushes, below it */
        xor     %ecx, %ecx
wipe:   movq    $0, (%rbx,%rcx)
        add     $8, %ecx
        cmp     $(TABLE + SLACK), %ecx
        jb      wipe
        mov     $0x2545F4914F6CDD1D, %rax
        xor     %ecx, %ecx              /* the cursor, a byte offset */
        .p2align 4
body:
        mov     (%rbx,%rcx), %rdx       /*  1 load */
        mov     8(%rbx,%rcx), %rsi      /*  2 load */
        add     %rsi, %rax              /*  3 */
        xor     %rdx, %rax              /*  4 */
        push    %rax                    /*  5 store */
        push    %rsi                    /*  6 store */
        mov     %rax, 32(%rbx,%rcx)     /*  7 store */
        pop     %rdx                    /*  8 load */
        pop     %rsi                    /*  9 load */
        mov     %rdx, 40(%rbx,%rcx)     /* 10 store */
        add     $16, %ecx               /* 11 */
        and     $(TABLE - 1), %ecx      /* 12 */
        dec     %r15                    /* 13 */
        jnz     body                    /* 14 */

        movzbl  %al, %edi
        FINISH
