/* Second-CPU entry points for the multi-CPU tests (the test starts CPU 1 at one of them). */
	.text
	/* Load the shared IDT, enable interrupts and halt until each one. */
	.globl ap_idle
	.type ap_idle, @function
ap_idle:
	lidt idtr(%rip)
	sti
1:	hlt
	jmp 1b
	.size ap_idle, . - ap_idle

	/* Run the TKL function worker(1) on this CPU's own stack, then halt for good. */
	.globl ap_worker
	.type ap_worker, @function
ap_worker:
	mov $1, %edi
	call worker
2:	hlt
	jmp 2b
	.size ap_worker, . - ap_worker

	.section .note.GNU-stack,"",@progbits
