/* A kernel with no read-only data at all: linked with kernel.ld, ld still emits the
 * (empty) rodata PT_LOAD. It powers off with exit status 7. */
        .text
        .globl start
start:
        mov     $0x501, %dx
        mov     $7, %eax
        out     %eax, %dx
1:      hlt
        jmp     1b
