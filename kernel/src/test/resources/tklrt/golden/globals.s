/* x86 side of globals.tk: a variable of locore that TKL reads and writes, and a function
   that reads a TKL global by its ELF symbol. */
	.data
	.globl x86_word
	.balign 8
x86_word:
	.quad 1000

	.text
	.globl x86_bump
	.type x86_bump, @function
x86_bump:
	mov counter(%rip), %rax
	addq $1, x86_word(%rip)
	add x86_word(%rip), %rax
	ret
	.size x86_bump, . - x86_bump

	.section .note.GNU-stack,"",@progbits
