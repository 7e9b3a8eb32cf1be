/*
 * cpu_switchto(u64 *old_sp, u64 *new_sp), the heart of a context switch as locore does it:
 * save the callee-saved registers on the current stack, store %rsp through the first
 * argument, load %rsp through the second, restore the other thread's registers, and ret
 * to wherever that thread called cpu_switchto from (or to its first function).
 */
	.text
	.globl cpu_switchto
	.type cpu_switchto, @function
cpu_switchto:
	push %rbx
	push %rbp
	push %r12
	push %r13
	push %r14
	push %r15
	mov %rsp, (%rdi)
	mov (%rsi), %rsp
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbp
	pop %rbx
	ret
	.size cpu_switchto, . - cpu_switchto

	.section .note.GNU-stack,"",@progbits
