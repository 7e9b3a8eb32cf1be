/*
 * Starts the application processors the way docs/boot.md describes: copy a trampoline to
 * physical 0x8000 (identity-mapped by the boot page tables), send INIT and then a STARTUP
 * IPI with vector 8 to all CPUs but self through the x2APIC ICR (MSR 0x830). Each AP starts
 * at virtual 0x8000 in the BSP's address space with %rdi = its APIC id and no stack, jumps
 * to ap_entry in the high-half kernel, takes its own stack, prints "hello from cpu N" under a
 * spinlock and counts itself in. The BSP waits for all of them (cpu_count from the boot info)
 * and powers off with status 0.
 */
	.set CONSOLE, 0xe9
	.set EXIT_PORT, 0x501
	.set X2APIC_ICR, 0x830
	.set TRAMPOLINE, 0x8000
	.set AP_STACK, 4096

	.section .text
	.globl start
	.type start, @function
start:
	mov 0x10(%rdi), %r12d			/* boot info: cpu_count */
	dec %r12d				/* APs to wait for */
	lea msg_bsp(%rip), %rsi
	call puts
	lea trampoline(%rip), %rsi
	mov $TRAMPOLINE, %edi
	mov $(trampoline_end - trampoline), %ecx
	rep movsb
	mov $X2APIC_ICR, %ecx
	xor %edx, %edx
	mov $0xC4500, %eax			/* all but self, level assert, INIT */
	wrmsr
	mov $(0xC4600 | (TRAMPOLINE >> 12)), %eax	/* all but self, STARTUP, vector 8 */
	wrmsr
1:	mov started(%rip), %eax
	cmp %r12d, %eax
	je 2f
	pause
	jmp 1b
2:	xor %eax, %eax
	mov $EXIT_PORT, %edx
	out %eax, (%dx)
halt:
	hlt
	jmp halt
	.size start, . - start

/* Copied to physical TRAMPOLINE; runs at that virtual address through the identity map. */
trampoline:
	movabs $ap_entry, %rax
	jmp *%rax
trampoline_end:

	.globl ap_entry
	.type ap_entry, @function
ap_entry:
	lea 1(%rdi), %rax
	shl $12, %rax
	lea ap_stacks(%rip), %rsp
	add %rax, %rsp
	call lock
	lea msg_ap(%rip), %rsi
	call puts
	mov %edi, %eax
	add $'0', %al
	out %al, (%dx)
	mov $'\n', %al
	out %al, (%dx)
	call unlock
	lock incl started(%rip)
3:	hlt
	jmp 3b
	.size ap_entry, . - ap_entry

/* puts(%rsi = NUL-terminated string); leaves %edx = CONSOLE; clobbers %rax, %rsi */
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

	.type lock, @function
lock:
	mov $1, %eax
	xchg %eax, console_lock(%rip)
	test %eax, %eax
	je 1f
	pause
	jmp lock
1:	ret
	.size lock, . - lock

	.type unlock, @function
unlock:
	movl $0, console_lock(%rip)
	ret
	.size unlock, . - unlock

	.section .rodata
msg_bsp:
	.asciz "hello from the boot CPU\n"
msg_ap:
	.asciz "hello from cpu "

	.section .data
	.globl started
started:
	.long 0
console_lock:
	.long 0

	.section .bss
	.balign 4096
ap_stacks:
	.skip 64 * AP_STACK

	.section .note.GNU-stack,"",@progbits
