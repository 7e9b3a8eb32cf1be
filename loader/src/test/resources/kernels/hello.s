/*
 * The smallest kernel for the tk86 boot protocol (docs/boot.md): check the boot-info magic
 * that %rdi points at, remember the pointer in .data, print a line to the console port 0xE9
 * through a call (so the boot stack is used), and power off with status 0 through port 0x501.
 * A bad boot-info magic powers off with status 1.
 */
	.set CONSOLE, 0xe9
	.set EXIT_PORT, 0x501

	.section .text
	.globl start
	.type start, @function
start:
	movabs $0x544f4f4236384b54, %rax	/* "TK86BOOT" */
	cmp %rax, (%rdi)
	jne bad_boot
	mov %rdi, bootinfo(%rip)
	lea msg(%rip), %rsi
	call puts
	xor %eax, %eax
	mov $EXIT_PORT, %edx
	out %eax, (%dx)
halt:
	hlt
	jmp halt
bad_boot:
	mov $1, %eax
	mov $EXIT_PORT, %edx
	out %eax, (%dx)
	jmp halt
	.size start, . - start

/* puts(%rsi = NUL-terminated string); clobbers %rax, %rdx, %rsi */
	.globl puts
	.type puts, @function
puts:
	mov $CONSOLE, %edx
1:	movzbl (%rsi), %eax
	test %al, %al
	je 2f
	out %al, (%dx)
	inc %rsi
	jmp 1b
2:	ret
	.size puts, . - puts

	.section .rodata
	.type msg, @object
msg:	.asciz "hello from the boot CPU\n"
	.size msg, . - msg

	.section .data
	.globl bootinfo
	.type bootinfo, @object
bootinfo:
	.quad 0
	.size bootinfo, 8

	.section .bss
	.globl boot_scratch
	.type boot_scratch, @object
boot_scratch:
	.skip 8192
	.size boot_scratch, 8192

	.section .note.GNU-stack,"",@progbits
