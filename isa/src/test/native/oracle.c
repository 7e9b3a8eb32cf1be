/*
 * oracle.c -- runs x86-64 instruction bytes on the host CPU, in user mode, from a register
 * state chosen by the caller, and reports the state afterwards. It is the "real CPU" side of
 * tk86's differential semantics test (isa/src/test/java/dev/tk86/isa/exec/oracle/).
 *
 * Protocol (little-endian, fixed-size records; see NativeOracle.java):
 *   stdin,  one record per case:  u8 len; u8 code[15]; u64 regs[16] (rax..r15); u64 rflags;
 *                                 u8 data[128]; u8 stack[128]
 *   stdout, one record per case:  u64 signal (0 = completed); u64 regs[16]; u64 rflags;
 *                                 u64 fault_rip; u64 fault_addr; u8 data[128]; u8 stack[128]
 * Memory: the code page at CODE_VA, a data page at DATA_VA whose last 128 bytes are the data
 * window (the page after it is left unmapped, so accesses running past it fault), and a
 * stack page at STACK_VA whose window is the 128 bytes around STACK_VA + 0x800. The GS base
 * is GS_BASE. Every GPR, RSP included, is loaded from the case; RFLAGS takes the case's
 * status flags and DF. The instruction is followed by a jump back to a routine that saves
 * every register without touching the guest stack; a fault (SIGFPE, SIGSEGV, SIGILL, SIGBUS,
 * SIGTRAP) is caught on an alternate signal stack and reported with the registers at the
 * fault, taken from the signal context.
 *
 * "oracle --vendor" prints the host CPU's CPUID vendor string (leaf 0: EBX, EDX, ECX) and
 * exits: the test runs tk86 with that vendor's rules.
 */
#define _GNU_SOURCE
#include <asm/prctl.h>
#include <cpuid.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#define CODE_VA     0x10010000UL
#define DATA_VA     0x10000000UL
#define STACK_VA    0x10008000UL
#define GS_BASE     0x1000UL
#define WINDOW      128
#define DATA_OFF    (4096 - WINDOW)
#define STACK_OFF   (0x800 - WINDOW / 2)
#define STATUS_DF   0x0CD5UL /* CF PF AF ZF SF DF OF */

struct in_case {
    uint8_t len;
    uint8_t code[15];
    uint64_t regs[16];
    uint64_t rflags;
    uint8_t data[WINDOW];
    uint8_t stack[WINDOW];
};

struct out_case {
    uint64_t signal;
    uint64_t regs[16];
    uint64_t rflags;
    uint64_t fault_rip;
    uint64_t fault_addr;
    uint8_t data[WINDOW];
    uint8_t stack[WINDOW];
};

/* Shared with the assembly below through RIP-relative addressing. */
__attribute__((used)) uint64_t g_in_regs[16], g_in_rflags, g_out_regs[16], g_out_rflags, g_host_rsp, g_code_entry;

void run_case(void);
void exit_stub(void);

#define LOAD(i, r)  "  mov g_in_regs+" #i "*8(%rip), %" #r "\n"
#define SAVE(i, r)  "  mov %" #r ", g_out_regs+" #i "*8(%rip)\n"
__asm__(
    ".text\n"
    ".globl run_case\n"
    "run_case:\n"
    "  push %rbx\n  push %rbp\n  push %r12\n  push %r13\n  push %r14\n  push %r15\n"
    "  mov %rsp, g_host_rsp(%rip)\n"
    "  pushq g_in_rflags(%rip)\n"
    "  popfq\n"
    LOAD(0, rax) LOAD(1, rcx) LOAD(2, rdx) LOAD(3, rbx) LOAD(5, rbp) LOAD(6, rsi) LOAD(7, rdi)
    LOAD(8, r8) LOAD(9, r9) LOAD(10, r10) LOAD(11, r11) LOAD(12, r12) LOAD(13, r13) LOAD(14, r14)
    LOAD(15, r15) LOAD(4, rsp)
    "  jmp *g_code_entry(%rip)\n"
    ".globl exit_stub\n"
    "exit_stub:\n"
    SAVE(0, rax) SAVE(1, rcx) SAVE(2, rdx) SAVE(3, rbx) SAVE(4, rsp) SAVE(5, rbp) SAVE(6, rsi) SAVE(7, rdi)
    SAVE(8, r8) SAVE(9, r9) SAVE(10, r10) SAVE(11, r11) SAVE(12, r12) SAVE(13, r13) SAVE(14, r14) SAVE(15, r15)
    "  mov g_host_rsp(%rip), %rsp\n"
    "  pushfq\n"
    "  popq g_out_rflags(%rip)\n"
    "  cld\n"
    "  pop %r15\n  pop %r14\n  pop %r13\n  pop %r12\n  pop %rbp\n  pop %rbx\n"
    "  ret\n");

static sigjmp_buf g_jump;
static volatile uint64_t g_fault_rip, g_fault_addr;

static void on_fault(int sig, siginfo_t *si, void *context) {
    greg_t *g = ((ucontext_t *) context)->uc_mcontext.gregs;
    static const int order[16] = {REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
                                  REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15};
    for (int i = 0; i < 16; i++) g_out_regs[i] = (uint64_t) g[order[i]];
    g_out_rflags = (uint64_t) g[REG_EFL];
    g_fault_rip = (uint64_t) g[REG_RIP];
    g_fault_addr = (uint64_t) si->si_addr;
    siglongjmp(g_jump, sig);
}

static void *map_fixed(uint64_t va, int prot) {
    void *p = mmap((void *) va, 4096, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != (void *) va) {
        fprintf(stderr, "oracle: cannot map a page at 0x%lx\n", (unsigned long) va);
        exit(2);
    }
    return p;
}

static int print_vendor(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(0, &a, &b, &c, &d)) { fprintf(stderr, "oracle: cpuid leaf 0 failed\n"); return 2; }
    char v[13];
    memcpy(v, &b, 4);
    memcpy(v + 4, &d, 4);
    memcpy(v + 8, &c, 4);
    v[12] = 0;
    printf("%s\n", v);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--vendor") == 0) return print_vendor();
    uint8_t *code = map_fixed(CODE_VA, PROT_READ | PROT_WRITE | PROT_EXEC);
    uint8_t *data = map_fixed(DATA_VA, PROT_READ | PROT_WRITE);
    uint8_t *stack = map_fixed(STACK_VA, PROT_READ | PROT_WRITE);
    if (syscall(SYS_arch_prctl, ARCH_SET_GS, GS_BASE) != 0) {
        perror("oracle: arch_prctl(ARCH_SET_GS)");
        return 2;
    }
    static uint8_t altstack[1 << 16];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0};
    if (sigaltstack(&ss, NULL) != 0) { perror("oracle: sigaltstack"); return 2; }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    int signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &sa, NULL);

    static struct in_case in;
    static struct out_case out;
    setvbuf(stdout, NULL, _IOFBF, 1 << 20);
    while (fread(&in, sizeof in, 1, stdin) == 1) {
        if (in.len == 0 || in.len > 15) { fprintf(stderr, "oracle: bad instruction length %d\n", in.len); return 2; }
        memcpy(code, in.code, in.len);
        uint8_t *stub = code + in.len; /* jmp *0(%rip); .quad exit_stub */
        stub[0] = 0xFF; stub[1] = 0x25; stub[2] = stub[3] = stub[4] = stub[5] = 0;
        uint64_t target = (uint64_t) (uintptr_t) exit_stub;
        memcpy(stub + 6, &target, 8);
        memcpy(data + DATA_OFF, in.data, WINDOW);
        memcpy(stack + STACK_OFF, in.stack, WINDOW);
        memcpy(g_in_regs, in.regs, sizeof g_in_regs);
        g_in_rflags = (in.rflags & STATUS_DF) | 0x202;
        g_code_entry = CODE_VA;
        int sig = sigsetjmp(g_jump, 1);
        if (sig == 0) {
            run_case();
            out.fault_rip = out.fault_addr = 0;
        } else {
            out.fault_rip = g_fault_rip;
            out.fault_addr = g_fault_addr;
        }
        out.signal = (uint64_t) sig;
        memcpy(out.regs, g_out_regs, sizeof out.regs);
        out.rflags = g_out_rflags;
        memcpy(out.data, data + DATA_OFF, WINDOW);
        memcpy(out.stack, stack + STACK_OFF, WINDOW);
        if (fwrite(&out, sizeof out, 1, stdout) != 1) return 3;
    }
    fflush(stdout);
    return 0;
}
