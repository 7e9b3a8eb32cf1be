/*
 * The x86 side every runtime test image has: start calls TKL main; harness_return (also the
 * return address TklMachine.call pushes) stores rax in tkl_result and powers off with the
 * low 32 bits of rax as the exit status.
 */
	.section .text
	.globl start
	.type start, @function
start:
	call main
	.globl harness_return
harness_return:
	mov %rax, tkl_result(%rip)
	mov $0x501, %edx
	out %eax, (%dx)
1:	hlt
	jmp 1b
	.size start, . - start

	.data
	.globl tkl_result
	.balign 8
tkl_result:
	.quad 0

	.section .note.GNU-stack,"",@progbits
