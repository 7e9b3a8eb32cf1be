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

#define NIDT_TRAPS	32		/* the architecture's exception vectors */
#define NIDT		256		/* every vector: exceptions, then device interrupts and IPIs */

/* A field of the executing CPU's cpu_info, through the GS base (OpenBSD's CPUVAR). */
#define CPUVAR(off)	%gs:CPU_INFO_ ## off

/*
 * start: take proc0's uarea (in .bss) as the stack, load the kernel's GDT, point GS at the
 * boot processor's cpu_info, install the IDT, and call main(bootinfo) in TKL, which runs as
 * proc0 and does not return.
 */
ENTRY(start)
	lea	proc0paddr + USPACE - 16(%rip), %rsp
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
 * idt_init: fill the IDT: the first NIDT_TRAPS gates from idt_vectors, the rest with Xstray
 * except the timer and the IPIs, and load it. Each gate is a 64-bit interrupt gate (type 0xE,
 * present, DPL 0) to GSEL_KCODE:handler (SDM Vol. 3A 6.14.1), so a handler starts with
 * interrupts off.
 */
NENTRY(idt_init)
	xor	%ecx, %ecx
1:	lea	Xstray(%rip), %rax
	cmp	$NIDT_TRAPS, %ecx
	jae	2f
	lea	idt_vectors(%rip), %rsi
	mov	(%rsi,%rcx,8), %rax
2:	call	idt_set_gate
	inc	%ecx
	cmp	$NIDT, %ecx
	jb	1b
	mov	$LAPIC_TIMER_VECTOR, %ecx
	lea	Xintr_lapic_ltimer(%rip), %rax
	call	idt_set_gate
	mov	$LAPIC_IPI_WAKEUP, %ecx
	lea	Xipi_wakeup(%rip), %rax
	call	idt_set_gate
	mov	$LAPIC_IPI_INVLRANGE, %ecx
	lea	Xipi_invlrange(%rip), %rax
	call	idt_set_gate
	lidt	idt_region(%rip)
	ret
END(idt_init)

/* idt_set_gate: gate %ecx := interrupt gate to %rax. Clobbers %rax, %rdi. */
NENTRY(idt_set_gate)
	mov	%ecx, %edi
	shl	$4, %rdi
	push	%rsi
	lea	idt(%rip), %rsi
	add	%rsi, %rdi
	pop	%rsi
	mov	%ax, (%rdi)			/* offset 15:0 */
	movw	$GSEL_KCODE, 2(%rdi)
	movw	$0x8e00, 4(%rdi)		/* IST 0; P, DPL 0, interrupt gate */
	shr	$16, %rax
	mov	%ax, 6(%rdi)			/* offset 31:16 */
	shr	$16, %rax
	mov	%eax, 8(%rdi)			/* offset 63:32 */
	movl	$0, 12(%rdi)
	ret
END(idt_set_gate)

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
 * INTRENTRY: the stack holds vector, error code and the CPU's frame; save the general
 * registers below them, making a struct trapframe (frame.tk), and point %rdi at it.
 * INTRFASTEXIT undoes it and returns from the interrupt. The CPU aligned %rsp to 16 before its
 * pushes, and FRAMESIZE is a multiple of 16, so calls see an aligned stack as the ABI wants.
 */
.macro INTRENTRY
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
.endm

.macro INTRFASTEXIT
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
.endm

/* alltraps: every exception; trap(frame) in TKL reports it (a kernel fault is fatal). */
NENTRY(alltraps)
	INTRENTRY
	call	trap
	INTRFASTEXIT
END(alltraps)

/* A vector nothing should raise: trap() reports it like an exception. */
NENTRY(Xstray)
	pushq	$0
	pushq	$0xff
	jmp	alltraps
END(Xstray)

/*
 * The local APIC timer: lapic_clockintr(frame) in TKL sends the EOI, keeps the clock and may
 * preempt the interrupted thread; the frame stays on that thread's stack until it resumes,
 * possibly on another CPU, and returns here.
 */
NENTRY(Xintr_lapic_ltimer)
	pushq	$0
	pushq	$LAPIC_TIMER_VECTOR
	INTRENTRY
	call	lapic_clockintr
	INTRFASTEXIT
END(Xintr_lapic_ltimer)

/* The wake-up IPI: ends an idle CPU's hlt (ipi_wakeup_intr sends the EOI and counts it). */
NENTRY(Xipi_wakeup)
	pushq	$0
	pushq	$LAPIC_IPI_WAKEUP
	INTRENTRY
	call	ipi_wakeup_intr
	INTRFASTEXIT
END(Xipi_wakeup)

/*
 * The TLB shootdown IPI (OpenBSD's Xipi_invlrange): invalidate every page of
 * [tlb_shoot_addr1, tlb_shoot_addr2), acknowledge by decrementing tlb_shoot_wait, EOI.
 */
NENTRY(Xipi_invlrange)
	pushq	%rax
	pushq	%rcx
	pushq	%rdx
	movq	tlb_shoot_addr1(%rip), %rax
	movq	tlb_shoot_addr2(%rip), %rdx
1:	invlpg	(%rax)
	addq	$PAGE_SIZE, %rax
	cmpq	%rdx, %rax
	jb	1b
	lock decq tlb_shoot_wait(%rip)
	movl	$MSR_X2APIC_EOI, %ecx
	xorl	%eax, %eax
	xorl	%edx, %edx
	wrmsr
	popq	%rdx
	popq	%rcx
	popq	%rax
	iretq
END(Xipi_invlrange)

/*
 * cpu_switchto(old, new): switch from thread old (NULL if it exited: save nothing) to thread
 * new, with the scheduler lock held and interrupts off (OpenBSD amd64's structure, 7.7):
 * record new as curproc on this CPU, save the old stack pointers in its PCB, pivot to the new
 * stack, load %cr3 only if the new PCB's differs from the live one, and only then record
 * ci_proc_pmap (with DIAGNOSTIC first checking that it held the old thread's pmap), set
 * curpcb, restore and return into the new thread. A system thread's pmap counts as NULL.
 * Unlike amd64 it ends without sti: tk86 has no IPL, so the interrupt flag is the lock's and
 * the thread that resumes restores its own with SCHED_UNLOCK.
 */
ENTRY(cpu_switchto)
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15

	movq	%rdi, %r13			/* old */
	movq	%rsi, %r12			/* new */

	movb	$SONPROC, P_STAT(%r12)		/* SET_CURPROC */
	movq	CPUVAR(SELF), %rax
	movq	%r12, CPUVAR(CURPROC)
	movq	%rax, P_CPU(%r12)

	xorl	%ecx, %ecx			/* the old thread's pmap, NULL if none */
	testq	%r13, %r13
	jz	switch_restore			/* old exited: nothing to save */

	testl	$P_SYSTEM, P_FLAG(%r13)
	movq	P_ADDR(%r13), %r13		/* the old PCB */
	jnz	1f
	movq	PCB_PMAP(%r13), %rcx
1:	movq	%rsp, PCB_RSP(%r13)
	movq	%rbp, PCB_RBP(%r13)

switch_restore:
	movq	P_ADDR(%r12), %r13		/* the new PCB */
	xorl	%ebx, %ebx			/* the new thread's pmap, NULL if a system thread */
	testl	$P_SYSTEM, P_FLAG(%r12)
	jnz	1f
	movq	PCB_PMAP(%r13), %rbx
1:	cli
	movq	PCB_RSP(%r13), %rsp		/* the new stack */
	movq	PCB_RBP(%r13), %rbp

	movq	PCB_CR3(%r13), %rax
	movq	%cr3, %rdx
	cmpq	%rax, %rdx
	je	.Lsame_cr3
#ifdef DIAGNOSTIC
	cmpq	%rcx, CPUVAR(PROC_PMAP)
	jne	.Lbogus_proc_pmap
#endif
	movq	%rbx, CPUVAR(PROC_PMAP)		/* the pmap this CPU gets shootdowns for */
	movq	%rax, %cr3
	lock incq kc_cr3_loads(%rip)
.Lsame_cr3:
	movq	%r13, CPUVAR(CURPCB)		/* SET_CURPCB */

	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	ret

#ifdef DIAGNOSTIC
.Lbogus_proc_pmap:
	movq	CPUVAR(PROC_PMAP), %rdi
	movq	%rcx, %rsi
	call	switch_bogus_proc_pmap
	jmp	halt_forever
#endif
END(cpu_switchto)

/*
 * proc_trampoline: a new thread's first cpu_switchto returns here (cpu_fork's switchframe),
 * with its function in %r12 and the argument in %r13.
 */
NENTRY(proc_trampoline)
	call	proc_trampoline_mi
	movq	%r13, %rdi
	call	*%r12
	movq	%r12, %rdi
	call	proc_trampoline_returned
	jmp	halt_forever
END(proc_trampoline)

/*
 * cpu_idle_cycle: called by the idle thread with interrupts off once it found nothing to do.
 * sti takes effect after hlt, so an interrupt that arrived since the check still ends the hlt.
 */
ENTRY(cpu_idle_cycle)
	sti
	hlt
	ret
END(cpu_idle_cycle)

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
#if defined(REAPER) || defined(PURGE)
	.asciz	") kernel"
#else
	.asciz	") smoke kernel"
#endif
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
	.word	NIDT * 16 - 1
	.quad	idt

	.section .bss
	.balign	PAGE_SIZE
	.globl	idt
idt:
	.skip	NIDT * 16
/* proc0's uarea: its PCB at the bottom, the boot stack (proc0's kernel stack) above. */
	.balign	PAGE_SIZE
	.globl	proc0paddr
	.type	proc0paddr, @object
proc0paddr:
	.skip	USPACE
	.size	proc0paddr, USPACE

	.section .note.GNU-stack,"",@progbits
