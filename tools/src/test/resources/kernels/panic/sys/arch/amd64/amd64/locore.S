/*
 * The panic test kernel's x86: start, which calls TKL main on its own stack with %rbp = 0
 * (where backtraces end), and x86_relay, an x86 function with a frame pointer that calls
 * back into TKL, so the golden backtrace crosses x86 and TKL frames both ways.
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

/* void x86_relay(u64 n): calls deep(n) with its argument still in %rdi. */
	.globl	x86_relay
	.type	x86_relay,@function
x86_relay:
	push	%rbp
	mov	%rsp, %rbp
	call	deep
	pop	%rbp
	ret
	.size	x86_relay, . - x86_relay

	.bss
	.align	16
bootstack:
	.space	16384
bootstack_top:
