/*
 * Assembly macros for the amd64 kernel (after OpenBSD's <machine/asm.h>): an ENTRY makes a
 * global, typed function symbol so that objdump, gdb and tk86's backtraces name it, and END
 * gives it its size.
 */
#ifndef _MACHINE_ASM_H_
#define _MACHINE_ASM_H_

#define _ALIGN_TEXT	.balign 16, 0x90

#define ENTRY(name)	.text; _ALIGN_TEXT; .globl name; .type name,@function; name:
#define NENTRY(name)	.text; .globl name; .type name,@function; name:
#define END(name)	.size name, . - name

/* Selectors of the kernel's GDT (locore.S), the same as the boot loader's (docs/boot.md). */
#define GSEL_KCODE	0x08
#define GSEL_KDATA	0x10

#endif
