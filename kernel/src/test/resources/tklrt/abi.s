/* x86 callers of TKL for the ABI tests (SysV AMD64 psABI 3.2.1, "Registers"). */
	.text
	/* u64 x86_buggy(u64 x): keeps x in %rcx across a call into TKL, which the ABI does not
	   allow (rcx is caller-saved), and returns tkl_leaf(3) + x. */
	.globl x86_buggy
	.type x86_buggy, @function
x86_buggy:
	sub $8, %rsp
	mov %rdi, %rcx
	mov $3, %edi
	call tkl_leaf
	add %rcx, %rax
	add $8, %rsp
	ret
	.size x86_buggy, . - x86_buggy

	/* u64 x86_callee_saved(): patterns in rbx, rbp, r12-r15, a call into TKL that calls
	   more TKL and x86, and the number of those six registers that come back intact. */
	.globl x86_callee_saved
	.type x86_callee_saved, @function
x86_callee_saved:
	push %rbx
	push %rbp
	push %r12
	push %r13
	push %r14
	push %r15
	sub $8, %rsp
	movabs $0x1111111111111111, %rbx
	movabs $0x5555555555555555, %rbp
	movabs $0x1212121212121212, %r12
	movabs $0x1313131313131313, %r13
	movabs $0x1414141414141414, %r14
	movabs $0x1515151515151515, %r15
	mov $5, %edi
	call tkl_busy
	xor %eax, %eax
	movabs $0x1111111111111111, %rdx
	cmp %rdx, %rbx
	jne 1f
	inc %eax
1:	movabs $0x5555555555555555, %rdx
	cmp %rdx, %rbp
	jne 2f
	inc %eax
2:	movabs $0x1212121212121212, %rdx
	cmp %rdx, %r12
	jne 3f
	inc %eax
3:	movabs $0x1313131313131313, %rdx
	cmp %rdx, %r13
	jne 4f
	inc %eax
4:	movabs $0x1414141414141414, %rdx
	cmp %rdx, %r14
	jne 5f
	inc %eax
5:	movabs $0x1515151515151515, %rdx
	cmp %rdx, %r15
	jne 6f
	inc %eax
6:	add $8, %rsp
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbp
	pop %rbx
	ret
	.size x86_callee_saved, . - x86_callee_saved

	/* u64 x86_void_rax(): calls the TKL function tkl_void, which returns nothing, and
	   returns %rax as it came back. */
	.globl x86_void_rax
	.type x86_void_rax, @function
x86_void_rax:
	sub $8, %rsp
	call tkl_void
	add $8, %rsp
	ret
	.size x86_void_rax, . - x86_void_rax

	.section .note.GNU-stack,"",@progbits
