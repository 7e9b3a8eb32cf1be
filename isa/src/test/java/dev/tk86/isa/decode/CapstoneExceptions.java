package dev.tk86.isa.decode;

import java.util.List;
import java.util.function.Predicate;

/**
 * Where tk86 (decoding with Intel rules, the default vendor) and Capstone 4.0.2 (Debian
 * libcapstone4) may disagree, each settled by a host CPU (an Intel Xeon when these were
 * written, an AMD EPYC for the later ones; the snippets were run natively in user mode with a
 * SIGILL/SIGSEGV/SIGTRAP harness) or by a documented decision of the subset. A case
 * that differs from Capstone must match one of these predicates, which look only at the bytes
 * and at what each side made of them, never at the expected answer; everything else fails.
 */
final class CapstoneExceptions {
    private CapstoneExceptions() { }

    /** One known disagreement. */
    record Known(String id, String why, Predicate<DiffCase> applies) { }

    static final List<Known> ALL = List.of(
            new Known("nop-register-form",
                    "0F 1F /r with mod=11 (e.g. 0f 1f c1, 66 48 0f 1f c1): Capstone returns nothing; the CPU runs it as a nop",
                    c -> c.ours != null && c.ours.mnemonic() == Mnemonic.NOP && c.opcode2() == 0x1F
                            && c.theirs == null && c.modrm() >= 0xC0),
            new Known("fence-nonzero-rm",
                    "0F AE E9..EF / F1..F7 / F9..FF: Capstone returns nothing; the CPU runs them as lfence/mfence/sfence",
                    c -> c.ours != null && isFence(c.ours.mnemonic()) && c.theirs == null && (c.modrm() & 7) != 0),
            new Known("fence-with-prefix",
                    "66/F2/F3 0F AE E8..FF: Capstone says lfence/mfence/sfence; the CPU raises #UD (tk86: outside the subset)",
                    c -> c.ours == null && c.opcode2() == 0xAE && c.modrm() >= 0xE8
                            && (c.hasPrefix(0x66) || c.hasPrefix(0xF2) || c.hasPrefix(0xF3))),
            new Known("movsxd-without-rex-w",
                    "63 /r without REX.W: Capstone prints movslq with a 64-bit destination; the CPU does a 32-bit "
                            + "(16-bit with 66) move that zero-extends",
                    c -> c.ours != null && c.ours.mnemonic() == Mnemonic.MOVSXD && c.ours.opSize() != 8),
            new Known("pause-spelling",
                    "F3 90 with a REX or another prefix between F3 and 90: Capstone says xchg (REX.B), xchgq %rax, %rax "
                            + "(REX.W) or nop; an Intel CPU runs pause and leaves r8/rax alone (f3 41 90, f3 49 90), and so "
                            + "does tk86 with Intel rules, which this test decodes with (an AMD CPU swaps them, docs/isa.md); "
                            + "pause and nop are both no-ops",
                    c -> c.ours != null && c.ours.mnemonic() == Mnemonic.PAUSE && c.theirs != null
                            && (c.theirs.mnemonic().startsWith("xchg") || c.theirs.mnemonic().equals("nop"))),
            new Known("near-branch-opsize",
                    "66 on call/jmp/jcc rel and ret: Capstone decodes AMD's 16-bit forms (rel16, retw); an Intel CPU "
                            + "ignores the 66, takes rel32 and pops 64 bits, and so does tk86 with Intel rules, which this "
                            + "test decodes with (with AMD rules tk86 takes the 16-bit forms, docs/isa.md)",
                    c -> c.hasPrefix(0x66) && isNearBranch(c)),
            new Known("push-imm-opsize",
                    "66 6A ib: Capstone prints pushq; the CPU pushes 16 bits",
                    c -> c.ours != null && c.opcode() == 0x6A && c.ours.opSize() == 2),
            new Known("segment-override-precedence",
                    "an ES/CS/SS/DS override after an FS/GS one: Capstone prints the last one; the CPU keeps using "
                            + "FS/GS (checked with 65 26 48 8b 00 and a GS base), as iced also decodes it",
                    c -> c.ours != null && c.theirs != null && fsGsThenNullSegment(c)
                            && c.ours.length() == c.theirs.size()),
            new Known("lock-before-rep",
                    "F0 followed by F2/F3: Capstone drops the LOCK (no lock in the text, and non-lockable instructions "
                            + "decode); the CPU honours it: a locked read-modify-write, or #UD (f0 f3 a4, f0 f3 2a d3)",
                    c -> c.lastIndexOf(0xF0) >= 0 && Math.max(c.lastIndexOf(0xF2), c.lastIndexOf(0xF3)) > c.lastIndexOf(0xF0)
                            && (c.ours == null && isUndefined(c, "lock prefix") || sameLengthSameWords(c))),
            new Known("rep-hint-spelling",
                    "F2/F3 mixed with other prefixes: Capstone's rep/repne/bnd/xacquire/xrelease words come and go "
                            + "(f2 a5 is printed without repne but repeats on the CPU); the instructions are the same",
                    c -> (c.hasPrefix(0xF2) || c.hasPrefix(0xF3)) && sameLengthSameWords(c)
                            && (c.opcodeAt >= 2 || c.ours.mnemonic() == Mnemonic.MOVS || c.ours.mnemonic() == Mnemonic.STOS)),
            new Known("opsize-with-rep",
                    "66 together with F2/F3: Capstone mixes 16- and 32-bit operand size (wrong suffix or register) or "
                            + "rejects the instruction; the CPU uses 16 bits (66 f2 5b pops 2 bytes, f2 36 66 f3 1d is sbb $imm16, %ax)",
                    c -> c.ours != null && c.hasPrefix(0x66) && (c.hasPrefix(0xF2) || c.hasPrefix(0xF3))
                            && (c.theirs == null || c.theirs.size() == c.ours.length())),
            new Known("mov-to-cs",
                    "8E /1: Capstone prints mov to %cs; the CPU raises #UD",
                    c -> c.ours == null && c.opcode() == 0x8E && ((c.modrm() >> 3) & 7) == 1),
            new Known("reserved-control-register",
                    "0F 20/22 with cr1, cr5..cr7, cr9..cr15: Capstone prints them; the CPU raises #UD (0f 20 c8); "
                            + "cr8 is real but outside the subset",
                    c -> c.ours == null && (c.opcode2() == 0x20 || c.opcode2() == 0x22)),
            new Known("segment-move-rex-r",
                    "8C/8E with REX.R: Capstone rejects them; the CPU ignores REX.R (44 8c c0, 4c 8e d8 run)",
                    c -> c.ours != null && (c.opcode() == 0x8C || c.opcode() == 0x8E) && (c.rex() & 4) != 0 && c.theirs == null),
            new Known("rex-w-with-66-or-67",
                    "66 or 67 together with REX.W on push/pop/pushf/popf, in/out, ret and near branches: Capstone takes "
                            + "a 16-bit operand size (w suffix, %ax, rel16, retw); on the CPU REX.W wins or is ignored "
                            + "(2e 66 4f 9d and 67 48 59 pop 8 bytes, 67 48 e8 is a 7-byte callq, 67 48 c3 pops 8 bytes)",
                    c -> c.ours != null && (c.rex() & 8) != 0 && (c.hasPrefix(0x66) || c.hasPrefix(0x67))
                            && isOneOf(c.ours.mnemonic(), Mnemonic.PUSH, Mnemonic.POP, Mnemonic.PUSHFQ, Mnemonic.POPFQ,
                                    Mnemonic.IN, Mnemonic.OUT, Mnemonic.RET, Mnemonic.CALL, Mnemonic.JMP, Mnemonic.JCC)),
            new Known("double-rex",
                    "two REX bytes: Capstone mixes them; the CPU uses only the last (4f 40 01 ce is a 32-bit add, "
                            + "66 4b 47 93 swaps %r11w and %ax), as iced decodes it",
                    c -> c.ours != null && c.opcodeAt >= 2 && DiffCase.isRex(c.b(c.opcodeAt - 2))),
            new Known("opsize-not-last",
                    "66 followed by another legacy prefix on lea, xchg 9x, cbw/cwd, push imm: Capstone loses the 66 in "
                            + "the suffix, the accumulator or the immediate size (66 2e 8d 00 is leal, 66 26 95 is xchgl "
                            + "%bp, %eax); the position of a legacy prefix does not matter to the CPU (66 26 68 00 10 is a "
                            + "5-byte pushw)",
                    c -> c.ours != null && c.theirs != null && opsizeNotLast(c)
                            && isOneOf(c.opcode(), 0x8D, 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x6A, 0x68)),
            new Known("moffs-addrsize-spelling",
                    "67 with 66 or REX.W on mov A0..A3: Capstone spells the 32-bit moffs forms movabs",
                    c -> c.ours != null && c.opcode() >= 0xA0 && c.opcode() <= 0xA3 && c.ours.addrSize() == 4
                            && c.theirs != null && c.theirs.text().equals(c.ourText.replaceFirst("mov", "movabs"))),
            new Known("lock-without-memory-destination",
                    "LOCK on instructions whose destination is a register (f0 02 00, f0 2b 00) or on nop: Capstone "
                            + "accepts them; the CPU raises #UD",
                    c -> c.ours == null && isUndefined(c, "lock prefix") && c.theirs != null),
            new Known("nop-suffix-addrsize",
                    "0F 1F with REX.W and 67: Capstone prints nopw when the 67 comes right before the REX and nopl "
                            + "otherwise; the instruction does nothing either way",
                    c -> c.ours != null && c.ours.mnemonic() == Mnemonic.NOP && (c.rex() & 8) != 0 && c.hasPrefix(0x67)
                            && c.theirs != null && c.theirs.text().equals(c.ourText.replaceFirst("^nopl", "nopw"))),
            new Known("pcommit",
                    "67 with REX.W on 0F AE F8: Capstone says pcommit (its 66 0F AE F8); the CPU runs sfence",
                    c -> c.ours != null && c.ours.mnemonic() == Mnemonic.SFENCE && c.theirs != null
                            && c.theirs.mnemonic().equals("pcommit") && c.hasPrefix(0x67) && (c.rex() & 8) != 0),
            new Known("endbr64-extra-prefixes",
                    "endbr64 with more prefixes than its F3 (47 f3 0f 1e fa, 2e f3 0f 1e fa, f3 67 0f 1e fa, and a REX "
                            + "between F3 and 0F: f3 42 0f 1e fa): Capstone 4 only knows the exact four bytes; the CPU runs "
                            + "them all (as endbr64, a nop outside CET; f3 42 0f 1e fa checked on an AMD EPYC host), and "
                            + "GNU objdump, LLVM and Zydis decode them as endbr64",
                    c -> c.ours != null && c.ours.mnemonic() == Mnemonic.ENDBR64 && c.theirs == null),
            new Known("design-sse-mmx",
                    "MMX/SSE moves (0f 6e/6f/7e/7f/d6...): Capstone's movq/movd collide with subset mnemonics; "
                            + "the operands are %mm/%xmm registers, outside the subset",
                    c -> c.ours == null && c.theirs != null && c.theirs.opStr().matches(".*%(x|y)?mm.*")),
            new Known("design-debug-registers",
                    "0F 21/23 mov to/from %dr0..%dr15: Capstone's movq collides with the subset's; debug registers "
                            + "are outside the subset",
                    c -> c.ours == null && (c.opcode2() == 0x21 || c.opcode2() == 0x23)),
            new Known("design-hint-nop-space",
                    "0F 18 /4../7 and register forms, 0F 19..0F 1E other than endbr64: Capstone says nop/nopl/nopw; "
                            + "the CPU runs them as nops; tk86 leaves them out of the subset (GNU as never emits them)",
                    c -> c.ours == null && (c.opcode2() >= 0x19 && c.opcode2() <= 0x1E
                            || c.opcode2() == 0x18 && (c.modrm() >= 0xC0 || ((c.modrm() >> 3) & 7) >= 4))),
            new Known("design-segment-push-pop",
                    "0F A0/A1/A8/A9 push/pop %fs/%gs: Capstone's pushq/popq/pushw/popw collide with subset mnemonics; "
                            + "segment pushes are outside the subset",
                    c -> c.ours == null && (c.opcode2() == 0xA0 || c.opcode2() == 0xA1 || c.opcode2() == 0xA8 || c.opcode2() == 0xA9)));

    /** The first known disagreement that explains {@code c}, or null. */
    static Known explain(DiffCase c) {
        for (Known k : ALL) if (k.applies.test(c)) return k;
        return null;
    }

    private static boolean isFence(Mnemonic m) {
        return m == Mnemonic.LFENCE || m == Mnemonic.MFENCE || m == Mnemonic.SFENCE;
    }

    private static boolean isStackOp(Mnemonic m) {
        return m == Mnemonic.PUSH || m == Mnemonic.POP || m == Mnemonic.PUSHFQ || m == Mnemonic.POPFQ;
    }

    private static boolean isNearBranch(DiffCase c) {
        int op = c.opcode();
        return op == 0xE8 || op == 0xE9 || op == 0xEB || op == 0xC2 || op == 0xC3 || op >= 0x70 && op <= 0x7F
                || c.opcode2() >= 0x80 && c.opcode2() <= 0x8F;
    }

    private static boolean isOneOf(Mnemonic m, Mnemonic... set) {
        for (Mnemonic x : set) if (m == x) return true;
        return false;
    }

    private static boolean isOneOf(int v, int... set) {
        for (int x : set) if (v == x) return true;
        return false;
    }

    /** A 66 prefix followed by another legacy prefix. */
    private static boolean opsizeNotLast(DiffCase c) {
        int at = c.lastIndexOf(0x66);
        if (at < 0) return false;
        for (int i = at + 1; i < c.opcodeAt; i++) if (DiffCase.isLegacyPrefix(c.b(i))) return true;
        return false;
    }

    private static boolean isUndefined(DiffCase c, String what) {
        return c.rejected.kind() == DecodeException.Kind.UNDEFINED && c.rejected.getMessage().startsWith(what);
    }

    /** An FS or GS override followed later by an ES, CS, SS or DS one. */
    private static boolean fsGsThenNullSegment(DiffCase c) {
        int fsgs = Math.max(c.lastIndexOf(0x64), c.lastIndexOf(0x65));
        if (fsgs < 0) return false;
        for (int p : new int[] {0x26, 0x2E, 0x36, 0x3E}) if (c.lastIndexOf(p) > fsgs) return true;
        return false;
    }

    private static final List<String> PREFIX_WORDS = List.of("lock", "rep", "repne", "bnd", "xacquire", "xrelease");

    /** Same length, and the same text once the prefix words are taken out of both. */
    private static boolean sameLengthSameWords(DiffCase c) {
        return c.ours != null && c.theirs != null && c.ours.length() == c.theirs.size()
                && withoutPrefixWords(c.ourText).equals(withoutPrefixWords(c.theirs.text()));
    }

    static String withoutPrefixWords(String text) {
        String t = text;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String w : PREFIX_WORDS) {
                if (t.startsWith(w + " ")) {
                    t = t.substring(w.length() + 1);
                    changed = true;
                }
            }
        }
        return t;
    }
}
