/*
 * The AP start-up trampoline (after OpenBSD's arch/amd64/amd64/mptramp.S). tk86 starts an AP
 * in 64-bit mode at virtual MP_TRAMPOLINE in the address space of the CPU that sent the
 * STARTUP IPI, with %rdi = its APIC id and no stack (docs/boot.md, section 7); real hardware
 * would start it in real mode, and this file would switch modes first. cpu.tk copies the
 * bytes between the two labels to physical MP_TRAMPOLINE, which pmap.tk maps at the same
 * virtual address, so the code must not depend on where it runs: an absolute jump to the
 * kernel's high half.
 */
#include "assym.h"
#include <machine/asm.h>

	.text
	.globl	cpu_spinup_trampoline
	.globl	cpu_spinup_trampoline_end
	.type	cpu_spinup_trampoline, @function
cpu_spinup_trampoline:
	movabs	$cpu_spinup_entry, %rax
	jmp	*%rax
cpu_spinup_trampoline_end:
	.size	cpu_spinup_trampoline, . - cpu_spinup_trampoline

	.section .note.GNU-stack,"",@progbits
