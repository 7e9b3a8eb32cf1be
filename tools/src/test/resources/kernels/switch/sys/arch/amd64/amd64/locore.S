/*
 * The switch test kernel's x86: start calls TKL main on the boot stack, and cpu_switchto has
 * amd64's shape without its bookkeeping: push the callee-saved registers, save %rsp and %rbp
 * in the old PCB, take the new PCB's, load %cr3 only if the new PCB's differs, pop, ret.
 * struct pcb (kern/switch.tk): pcb_rsp at 0, pcb_rbp at 8, pcb_cr3 at 16.
 */
	.text
	.globl	start
	.type	start,@function
start:
	lea	bootstack_top(%rip), %rsp
	xor	%ebp, %ebp
	call	main
1:	hlt
	jmp	1b
	.size	start, . - start

/* void cpu_switchto(struct pcb *old, struct pcb *new) */
	.globl	cpu_switchto
	.type	cpu_switchto,@function
cpu_switchto:
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, 0(%rdi)
	movq	%rbp, 8(%rdi)
	movq	0(%rsi), %rsp
	movq	8(%rsi), %rbp
	movq	16(%rsi), %rax
	movq	%cr3, %rdx
	cmpq	%rax, %rdx
	je	1f
	movq	%rax, %cr3
1:	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	ret
	.size	cpu_switchto, . - cpu_switchto

	.bss
	.align	16
bootstack:
	.space	16384
bootstack_top:
