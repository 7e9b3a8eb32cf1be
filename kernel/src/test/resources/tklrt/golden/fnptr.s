/* x86 side of fnptr.tk: a plain function, and one that calls a function pointer twice. */
	.text
	.globl x86_triple
	.type x86_triple, @function
x86_triple:
	lea (%rdi,%rdi,2), %rax
	ret
	.size x86_triple, . - x86_triple

	/* u64 x86_apply(u64 (*f)(u64), u64 x) { return f(x) + f(x + 1); } */
	.globl x86_apply
	.type x86_apply, @function
x86_apply:
	push %rbx
	push %r12
	push %r13
	mov %rdi, %rbx
	mov %rsi, %r12
	mov %r12, %rdi
	call *%rbx
	mov %rax, %r13
	lea 1(%r12), %rdi
	call *%rbx
	add %r13, %rax
	pop %r13
	pop %r12
	pop %rbx
	ret
	.size x86_apply, . - x86_apply

	.section .note.GNU-stack,"",@progbits
