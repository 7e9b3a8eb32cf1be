/*
 * locore: the kernel's entry from the boot loader, its exception entry points, and the few
 * machine operations TKL code calls (after OpenBSD's arch/amd64/amd64/locore.S and
 * vector.S). Offsets into TKL structures come from assym.h, generated from the TKL tree.
 *
 * The boot loader enters `start` in 64-bit mode as docs/boot.md describes: %rdi = boot
 * information (physical, identity-mapped), a boot stack in low memory, interrupts off, no
 * IDT, GS base 0.
 */
#include "assym.h"
#include <machine/asm.h>

#define BOOTSTACK_SIZE	(4 * PAGE_SIZE)
#define NIDT_TRAPS	32		/* the architecture's exception vectors */

/*
 * start: take a stack in the kernel's .bss, load the kernel's GDT, point GS at the boot
 * processor's cpu_info, install the IDT, and call main(bootinfo) in TKL. main does not return.
 */
ENTRY(start)
	lea	bootstack + BOOTSTACK_SIZE(%rip), %rsp
	xor	%ebp, %ebp			/* the end of every backtrace */
	mov	%rdi, %r12			/* boot information, for main */

	lgdt	gdt_region(%rip)
	mov	$GSEL_KDATA, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss

	lea	cpu_info_store(%rip), %rax	/* cpu_info_store[0] is the BSP's */
	mov	%rax, CPU_INFO_SELF(%rax)
	call	setgsbase

	call	idt_init

	mov	%r12, %rdi
	call	main
	jmp	halt_forever
END(start)

/*
 * setgsbase: GS base := %rax (the executing CPU's cpu_info). Clobbers %rcx, %rdx.
 */
NENTRY(setgsbase)
	mov	%rax, %rdx
	shr	$32, %rdx
	mov	$MSR_GSBASE, %ecx
	wrmsr
	ret
END(setgsbase)

/*
 * idt_init: fill the IDT's first NIDT_TRAPS gates from idt_vectors and load it. Each gate is a
 * 64-bit interrupt gate (type 0xE, present, DPL 0) to GSEL_KCODE:handler (SDM Vol. 3A 6.14.1).
 */
NENTRY(idt_init)
	lea	idt(%rip), %rdi
	lea	idt_vectors(%rip), %rsi
	xor	%ecx, %ecx
1:	mov	(%rsi,%rcx,8), %rax
	mov	%ax, (%rdi)			/* offset 15:0 */
	movw	$GSEL_KCODE, 2(%rdi)
	movw	$0x8e00, 4(%rdi)		/* IST 0; P, DPL 0, interrupt gate */
	shr	$16, %rax
	mov	%ax, 6(%rdi)			/* offset 31:16 */
	shr	$16, %rax
	mov	%eax, 8(%rdi)			/* offset 63:32 */
	movl	$0, 12(%rdi)
	add	$16, %rdi
	inc	%ecx
	cmp	$NIDT_TRAPS, %ecx
	jb	1b
	lidt	idt_region(%rip)
	ret
END(idt_init)

/*
 * cpu_spinup_entry: where an AP's trampoline (mptramp.S) jumps, with %rdi = its APIC id and
 * no stack. Its cpu_info is cpu_info_store[APIC id]; the BSP filled in ci_self and ci_kstack
 * before sending STARTUP. Calls cpu_hatch(ci) in TKL, which does not return.
 */
ENTRY(cpu_spinup_entry)
	cmp	$MAXCPUS, %edi
	jae	halt_forever
	imul	$SIZEOF_CPU_INFO, %rdi, %rbx
	lea	cpu_info_store(%rip), %rax
	add	%rax, %rbx			/* %rbx = this CPU's cpu_info */
	mov	CPU_INFO_KSTACK(%rbx), %rsp
	xor	%ebp, %ebp
	lgdt	gdt_region(%rip)
	lidt	idt_region(%rip)
	mov	%rbx, %rax
	call	setgsbase
#ifdef DIAGNOSTIC
	cmp	CPU_INFO_SELF(%rbx), %rbx	/* the BSP set ci_self before STARTUP */
	je	1f
	ud2
1:
#endif
	mov	%rbx, %rdi
	call	cpu_hatch
	jmp	halt_forever
END(cpu_spinup_entry)

NENTRY(halt_forever)
	cli
1:	hlt
	jmp	1b
END(halt_forever)

/*
 * Exception entry points. Vectors whose exception pushes no error code push a zero, so that
 * every trapframe has the same shape; then the vector number; then alltraps saves the
 * general registers below it and calls trap(frame) in TKL.
 */
#define	TRAP(n)		NENTRY(Xtrap##n); pushq $0; pushq $n; jmp alltraps; END(Xtrap##n)
#define	TRAP_ERR(n)	NENTRY(Xtrap##n); pushq $n; jmp alltraps; END(Xtrap##n)

	TRAP(0)
	TRAP(1)
	TRAP(2)
	TRAP(3)
	TRAP(4)
	TRAP(5)
	TRAP(6)
	TRAP(7)
	TRAP_ERR(8)
	TRAP(9)
	TRAP_ERR(10)
	TRAP_ERR(11)
	TRAP_ERR(12)
	TRAP_ERR(13)
	TRAP_ERR(14)
	TRAP(15)
	TRAP(16)
	TRAP_ERR(17)
	TRAP(18)
	TRAP(19)
	TRAP(20)
	TRAP_ERR(21)
	TRAP(22)
	TRAP(23)
	TRAP(24)
	TRAP(25)
	TRAP(26)
	TRAP(27)
	TRAP(28)
	TRAP_ERR(29)
	TRAP_ERR(30)
	TRAP(31)

/*
 * alltraps: the stack holds vector, error code and the CPU's frame; make it a struct
 * trapframe (frame.tk) and call trap(frame). The CPU aligned %rsp to 16 before its pushes,
 * and FRAMESIZE is a multiple of 16, so the call sees an aligned stack as the ABI wants.
 * Should trap() return, the registers are restored and iretq resumes the interrupted code.
 */
NENTRY(alltraps)
	sub	$TF_TRAPNO, %rsp
	mov	%rdi, TF_RDI(%rsp)
	mov	%rsi, TF_RSI(%rsp)
	mov	%rdx, TF_RDX(%rsp)
	mov	%rcx, TF_RCX(%rsp)
	mov	%r8, TF_R8(%rsp)
	mov	%r9, TF_R9(%rsp)
	mov	%r10, TF_R10(%rsp)
	mov	%r11, TF_R11(%rsp)
	mov	%r12, TF_R12(%rsp)
	mov	%r13, TF_R13(%rsp)
	mov	%r14, TF_R14(%rsp)
	mov	%r15, TF_R15(%rsp)
	mov	%rbp, TF_RBP(%rsp)
	mov	%rbx, TF_RBX(%rsp)
	mov	%rax, TF_RAX(%rsp)
	mov	%rsp, %rdi
	call	trap
	mov	TF_RDI(%rsp), %rdi
	mov	TF_RSI(%rsp), %rsi
	mov	TF_RDX(%rsp), %rdx
	mov	TF_RCX(%rsp), %rcx
	mov	TF_R8(%rsp), %r8
	mov	TF_R9(%rsp), %r9
	mov	TF_R10(%rsp), %r10
	mov	TF_R11(%rsp), %r11
	mov	TF_R12(%rsp), %r12
	mov	TF_R13(%rsp), %r13
	mov	TF_R14(%rsp), %r14
	mov	TF_R15(%rsp), %r15
	mov	TF_RBP(%rsp), %rbp
	mov	TF_RBX(%rsp), %rbx
	mov	TF_RAX(%rsp), %rax
	add	$TF_RIP, %rsp			/* drop the registers, vector and error code */
	iretq
END(alltraps)

/*
 * Machine operations for TKL (declared in arch/amd64/include/cpufunc.tk), SysV ABI.
 */

/* u64 rdmsr(u32 msr) */
ENTRY(rdmsr)
	mov	%edi, %ecx
	rdmsr
	shl	$32, %rdx
	or	%rdx, %rax
	ret
END(rdmsr)

/* void wrmsr(u32 msr, u64 value) */
ENTRY(wrmsr)
	mov	%edi, %ecx
	mov	%rsi, %rax
	mov	%rsi, %rdx
	shr	$32, %rdx
	wrmsr
	ret
END(wrmsr)

/* void cpuid(u32 leaf, u32 *regs): regs[0..3] = %eax, %ebx, %ecx, %edx of cpuid(leaf, 0) */
ENTRY(cpuid)
	mov	%rbx, %r8			/* callee-saved */
	mov	%edi, %eax
	xor	%ecx, %ecx
	cpuid
	mov	%eax, 0(%rsi)
	mov	%ebx, 4(%rsi)
	mov	%ecx, 8(%rsi)
	mov	%edx, 12(%rsi)
	mov	%r8, %rbx
	ret
END(cpuid)

/* u64 rcr2(void) */
ENTRY(rcr2)
	mov	%cr2, %rax
	ret
END(rcr2)

/* void tlbflushg(void): clearing and restoring CR4.PGE flushes global entries too */
ENTRY(tlbflushg)
	mov	%cr4, %rax
	mov	%rax, %rdx
	and	$~CR4_PGE, %rdx
	mov	%rdx, %cr4
	mov	%rax, %cr4
	ret
END(tlbflushg)

	.section .rodata
/* The version string main() prints first; KERNEL_IDENT is the configuration's name. */
	.globl	version
	.type	version, @object
version:
	.ascii	"tk86/amd64 ("
	.ascii	KERNEL_IDENT
	.asciz	") smoke kernel"
	.size	version, . - version

	.balign	8
idt_vectors:
	.quad	Xtrap0, Xtrap1, Xtrap2, Xtrap3, Xtrap4, Xtrap5, Xtrap6, Xtrap7
	.quad	Xtrap8, Xtrap9, Xtrap10, Xtrap11, Xtrap12, Xtrap13, Xtrap14, Xtrap15
	.quad	Xtrap16, Xtrap17, Xtrap18, Xtrap19, Xtrap20, Xtrap21, Xtrap22, Xtrap23
	.quad	Xtrap24, Xtrap25, Xtrap26, Xtrap27, Xtrap28, Xtrap29, Xtrap30, Xtrap31

	.section .data
/* The kernel's GDT: the same descriptors as the boot loader's, but in the kernel's own memory. */
	.balign	16
	.globl	gdt
gdt:
	.quad	0				/* null */
	.quad	0x00af9a000000ffff		/* GSEL_KCODE: 64-bit ring-0 code */
	.quad	0x00cf92000000ffff		/* GSEL_KDATA: ring-0 data */
gdt_end:
	.balign	8
	.skip	6				/* so that the base is 8-byte aligned */
gdt_region:
	.word	gdt_end - gdt - 1
	.quad	gdt

	.balign	8
	.skip	6
idt_region:
	.word	NIDT_TRAPS * 16 - 1
	.quad	idt

	.section .bss
	.balign	PAGE_SIZE
	.globl	idt
idt:
	.skip	NIDT_TRAPS * 16
	.balign	PAGE_SIZE
	.globl	bootstack
bootstack:
	.skip	BOOTSTACK_SIZE

	.section .note.GNU-stack,"",@progbits
