package dev.tk86.tools.debug.cmd;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.tools.debug.DebugException;
import dev.tk86.tools.debug.Disassembler;
import dev.tk86.tools.debug.MachineViews;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** regs, cr, x/FMT, disassemble, pt, tlb, msr: the machine as the selected CPU sees it. */
final class DataCommands {
    private DataCommands() { }

    private static final Pattern FORMAT = Pattern.compile("(\\d*)([bhwg]?)([xduic]?)");

    static void register(CommandTable t) {
        t.add("regs|info registers|info regs", "regs", "the selected CPU's general registers, rip, rflags, segments", (s, a) -> {
            Args.none("regs", a);
            s.out().print(MachineViews.registers(s.cpu()));
        });
        t.add("cr", "cr", "control registers, cr8 (TPR) and EFER", (s, a) -> {
            Args.none("cr", a);
            s.out().print(MachineViews.controlRegisters(s.cpu()));
        });
        t.add("x/|x", "x/NFU ADDRESS", "memory: N units of U (b h w g bytes) as F (x d u, or i for instructions)", DataCommands::examine);
        t.add("disassemble|disas|list|l", "disas [ADDRESS] [N]", "N instructions (TKL: statements) from ADDRESS (default: rip)", DataCommands::disassemble);
        t.add("pt", "pt VA", "the page walk of VA on the selected CPU: every level's entry and flags", (s, a) -> {
            if (a.isEmpty()) throw new DebugException("pt: expected a virtual address, e.g. pt 0xffffffff80100000 or pt &cpu_info_store");
            s.out().print(MachineViews.pageWalk(s.cpu(), s.locations().number(a, s.cpu())));
        });
        t.add("tlb", "tlb", "the selected CPU's TLB entries", (s, a) -> {
            Args.none("tlb", a);
            s.out().print(MachineViews.tlb(s.cpu()));
        });
        t.add("msr", "msr N", "an MSR of the selected CPU, as rdmsr reads it", (s, a) -> {
            if (a.isEmpty()) throw new DebugException("msr: expected an MSR number, e.g. msr 0xc0000101");
            s.out().print(MachineViews.msr(s.cpu(), (int) s.locations().number(a, s.cpu())));
        });
    }

    private static void examine(Session s, String a) {
        String fmt = "", where = a;
        if (!a.isEmpty() && !a.startsWith(" ")) {
            int sp = a.indexOf(' ');
            fmt = sp < 0 ? a : a.substring(0, sp);
            where = sp < 0 ? "" : a.substring(sp + 1);
        }
        Matcher m = FORMAT.matcher(fmt);
        if (!m.matches()) throw new DebugException("x: '/" + fmt + "' is not a format; expected /NFU, e.g. x/4gx ADDRESS");
        if (where.isBlank()) throw new DebugException("x: expected an address, e.g. x/4gx $rsp");
        int n = m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
        if (n < 1 || n > 4096) throw new DebugException("x: count " + n + " out of range; expected 1..4096");
        Cpu c = s.cpu();
        long addr = s.locations().number(where, c);
        if (m.group(3).equals("i")) {
            for (Disassembler.Line l : s.disassembler().list(c, addr, n)) s.out().println(l.format(l.address() == c.rip));
            return;
        }
        int size = switch (m.group(2)) { case "b" -> 1; case "h" -> 2; case "w" -> 4; default -> 8; };
        String f = m.group(3).isEmpty() ? "x" : m.group(3);
        int perLine = Math.max(1, 16 / size);
        for (int i = 0; i < n; i++) {
            long va = addr + (long) i * size;
            if (i % perLine == 0) {
                String sym = s.target().symbols().containing(va).isPresent() ? " <" + s.target().symbolize(va) + ">" : "";
                s.out().printf("%s0x%016x%s:", i == 0 ? "" : "\n", va, sym);
            }
            byte[] b = s.controller().memory().read(c, va, size, false);
            if (b == null) {
                s.out().printf("%n0x%x: not mapped on cpu%d%n", va, c.id);
                return;
            }
            long v = 0;
            for (int k = size - 1; k >= 0; k--) v = (v << 8) | (b[k] & 0xFF);
            s.out().print(switch (f) {
                case "d" -> " " + (size == 8 ? v : (v << (64 - 8 * size)) >> (64 - 8 * size));
                case "u" -> " " + Long.toUnsignedString(v);
                case "c" -> " '" + (char) (v & 0xFF) + "'";
                default -> String.format(" 0x%0" + (2 * size) + "x", v);
            });
        }
        s.out().println();
    }

    private static void disassemble(Session s, String a) {
        Cpu c = s.cpu();
        long addr = c.rip;
        int n = 10;
        String[] w = a.isEmpty() ? new String[0] : a.split("\\s+");
        if (w.length >= 1) addr = s.locations().code(w[0], c).get(0);
        if (w.length >= 2) n = Args.count("disas", w[1], 10);
        for (Disassembler.Line l : s.disassembler().list(c, addr, n)) s.out().println(l.format(l.address() == c.rip));
    }
}
