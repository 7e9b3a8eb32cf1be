/*
 * Interrupt plumbing for the runtime tests (with idt.s): an interrupt stub that saves the
 * caller-saved registers, calls the TKL handler intr_handler(frame) with a pointer to the
 * hardware frame, sends EOI and returns with iretq, and timer_oneshot(vector, count) for
 * the x2APIC timer (divide by 1: the count is in steps).
 */
	.text
	.globl isr_stub
	.type isr_stub, @function
isr_stub:
	push %rax
	push %rcx
	push %rdx
	push %rsi
	push %rdi
	push %r8
	push %r9
	push %r10
	push %r11
	lea 72(%rsp), %rdi
	call intr_handler
	xor %eax, %eax
	xor %edx, %edx
	mov $0x80b, %ecx
	wrmsr
	pop %r11
	pop %r10
	pop %r9
	pop %r8
	pop %rdi
	pop %rsi
	pop %rdx
	pop %rcx
	pop %rax
	iretq
	.size isr_stub, . - isr_stub

	.globl timer_oneshot
	.type timer_oneshot, @function
timer_oneshot:
	mov %rsi, %r8
	mov $0x83e, %ecx
	mov $0xb, %eax
	xor %edx, %edx
	wrmsr
	mov $0x832, %ecx
	mov %edi, %eax
	xor %edx, %edx
	wrmsr
	mov $0x838, %ecx
	mov %r8d, %eax
	xor %edx, %edx
	wrmsr
	ret
	.size timer_oneshot, . - timer_oneshot

	.section .note.GNU-stack,"",@progbits
