/* switch.S -- two threads of control handing the CPU to each other, the way a
 * kernel's context switch does: save the callee-saved registers on the old
 * stack, remember the old stack pointer, take the new one, restore, return.
 *
 *   swtch(%rdi = where to save my %rsp, %rsi = where the other one saved its):
 *       6 pushes, store %rsp, load %rsp, 6 pops, ret            = 15 instructions
 *
 * Thread A runs on the stack it was started with, thread B on one 16 KiB lower.
 * One iteration is A -> B -> A, exactly 40 instructions:
 *   A:  2 argument moves, call, swtch                           = 18
 *   B:  jmp back, count its run (add to memory), 2 moves, call, swtch = 20
 *   A:  count down, branch                                      =  2
 * (B's first run enters past its jmp, and A leaves with one more jmp: both are
 * outside the per-iteration count.)
 *
 * -DCR3SWITCH (ring 0 only): every switch also loads the other thread's page
 * table root, `mov %rdx, %cr3`, as a switch between processes does; the two
 * roots come in %r8 (A's, the one running at start) and %r9 (B's).  One more
 * move per side and one more instruction per switch: 44 per iteration.
 *
 * Checksum: the low byte of B's run count.
 */
#include "ending.h"
#ifndef ITERS
#define ITERS 5000000
#endif
        .text
        .globl  _start
_start:
        mov     $ITERS, %r14            /* A's countdown; callee-saved, so it survives */
        sub     $32, %rsp
        lea     0(%rsp), %rbp           /* 0(%rbp): A's saved %rsp */
        lea     8(%rsp), %rbx           /* 0(%rbx): B's saved %rsp; 8(%rbx): B's run count */
        movq    $0, 8(%rbx)
        /* B's stack starts as if B had called swtch from b_first: */
        lea     -0x4000(%rsp), %rax
        lea     b_first(%rip), %rdx
        sub     $56, %rax
        mov     %rdx, 48(%rax)          /* the return address */
        mov     %rbp, 40(%rax)          /* the six registers swtch pops, last pushed first */
        mov     %rbx, 32(%rax)
        mov     %r12, 24(%rax)
        mov     %r13, 16(%rax)
        mov     %r14, 8(%rax)
        mov     %r15, 0(%rax)
        mov     %rax, (%rbx)
        .p2align 4
a_loop:
        mov     %rbp, %rdi              /* A saves here */
        mov     %rbx, %rsi              /* and resumes B from there */
#ifdef CR3SWITCH
        mov     %r9, %rdx
#endif
        call    swtch
        dec     %r14
        jnz     a_loop
        jmp     a_done

        .p2align 4
b_first:
        addq    $1, 8(%rbx)             /* B counts its runs */
        mov     %rbx, %rdi
        mov     %rbp, %rsi
#ifdef CR3SWITCH
        mov     %r8, %rdx
#endif
        call    swtch
        jmp     b_first

        .p2align 4
swtch:
        push    %rbp
        push    %rbx
        push    %r12
        push    %r13
        push    %r14
        push    %r15
        mov     %rsp, (%rdi)
        mov     (%rsi), %rsp
#ifdef CR3SWITCH
        mov     %rdx, %cr3
#endif
        pop     %r15
        pop     %r14
        pop     %r13
        pop     %r12
        pop     %rbx
        pop     %rbp
        ret

a_done:
        movzbl  8(%rbx), %edi
        FINISH
