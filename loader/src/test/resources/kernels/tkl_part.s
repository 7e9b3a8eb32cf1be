/*
 * Stands in for what the TKL compiler's stub will emit: a reserved .text.tkl range with a
 * function symbol in it, and the .tkl section carrying the program. The loader's tests bind
 * it with a test-only TklProgramLoader that checks the "TKLSTUB1" header; the real format
 * belongs to the TKL runtime.
 */
	.section .text.tkl,"ax",@progbits
	.globl tkl_main
	.type tkl_main, @function
tkl_main:
	.skip 256
	.size tkl_main, 256

	.section .tkl,"",@progbits
	.ascii "TKLSTUB1"
	.quad 0x0123456789abcdef

	.section .note.GNU-stack,"",@progbits
