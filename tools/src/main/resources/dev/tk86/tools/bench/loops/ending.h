/* ending.h -- how every loop stops.  %edi holds the checksum byte.
 *   native build:  the Linux exit system call, so the shell sees the checksum as the status;
 *   -DBAREMETAL:   ring 0 on tk86 (or any PC-like emulator): the byte goes to the debug
 *                  console at port 0xE9 and the CPU halts for good. */
#ifdef BAREMETAL
#define FINISH                                  \
        mov     %edi, %eax;                     \
        outb    %al, $0xe9;                     \
1:      hlt;                                    \
        jmp     1b
#else
#define FINISH                                  \
        mov     $60, %eax;                      \
        syscall
#endif
