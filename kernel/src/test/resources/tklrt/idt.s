/*
 * An IDT for the runtime tests, in .bss: set_gate(vector, handler) fills a 64-bit interrupt
 * gate (present, DPL 0, selector 0x08) and loads the IDT; isr_pf and isr_gp record what a
 * #PF or #GP delivered (CR2, error code, the faulting RIP) and power off with the vector.
 */
	.bss
	.balign 16
idt:
	.zero 4096

	.data
	.balign 8
	.globl idtr
idtr:
	.word 4095
	.quad idt

	.text
	.globl set_gate
	.type set_gate, @function
set_gate:
	lea idt(%rip), %rax
	shl $4, %rdi
	add %rdi, %rax
	mov %rsi, %rdx
	mov %dx, (%rax)
	movw $0x08, 2(%rax)
	movb $0, 4(%rax)
	movb $0x8e, 5(%rax)
	shr $16, %rdx
	mov %dx, 6(%rax)
	shr $16, %rdx
	mov %edx, 8(%rax)
	movl $0, 12(%rax)
	lidt idtr(%rip)
	ret
	.size set_gate, . - set_gate

	/* #PF handler for the bad-pointer test: records CR2, the error code and the faulting
	   RIP, then powers off with status 14. */
	.globl isr_pf
	.type isr_pf, @function
isr_pf:
	mov %cr2, %rax
	mov %rax, pf_cr2(%rip)
	mov (%rsp), %rax
	mov %rax, pf_error(%rip)
	mov 8(%rsp), %rax
	mov %rax, pf_rip(%rip)
	mov $14, %eax
	mov $0x501, %edx
	out %eax, (%dx)
1:	hlt
	jmp 1b
	.size isr_pf, . - isr_pf

	/* #GP handler: records the faulting RIP and powers off with status 13. */
	.globl isr_gp
	.type isr_gp, @function
isr_gp:
	mov 8(%rsp), %rax
	mov %rax, pf_rip(%rip)
	mov $13, %eax
	mov $0x501, %edx
	out %eax, (%dx)
1:	hlt
	jmp 1b
	.size isr_gp, . - isr_gp

	.data
	.balign 8
	.globl pf_cr2, pf_error, pf_rip
pf_cr2:	.quad 0
pf_error: .quad 0
pf_rip:	.quad 0

	.section .note.GNU-stack,"",@progbits
