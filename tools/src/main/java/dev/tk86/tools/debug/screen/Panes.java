package dev.tk86.tools.debug.screen;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.tools.debug.Disassembler;
import dev.tk86.tools.debug.MachineViews;
import dev.tk86.tools.debug.cmd.Session;
import dev.tk86.tools.inspect.InspectException;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of the full-screen view's panes for the selected CPU: code (disassembly, or TKL
 * source lines around the statement), registers with the control registers, the stack, and
 * the CPU's cpu_info. Plain strings; the screen lays them out.
 */
final class Panes {
    private Panes() { }

    static List<String> code(Session s, int rows) {
        Cpu c = s.cpu();
        List<String> out = new ArrayList<>();
        var site = s.target().site(c.rip);
        if (site.isPresent()) {
            var si = site.get();
            out.add("── " + si.function() + " at " + si.position() + " ──");
            for (int l = Math.max(1, si.line() - rows / 2); out.size() < rows; l++) {
                var text = s.target().sourceLine(si.file(), l);
                if (text.isEmpty()) break;
                out.add(String.format("%s%4d  %s", l == si.line() ? "=>" : "  ", l, text.get()));
            }
            return out;
        }
        out.add("── " + s.target().symbolize(c.rip) + " (" + Disassembler.engine() + ") ──");
        for (Disassembler.Line l : s.disassembler().list(c, c.rip, rows - 1)) out.add(l.format(l.address() == c.rip));
        return out;
    }

    static List<String> registers(Session s) {
        List<String> out = new ArrayList<>(List.of(("── cpu" + s.cpuId() + " " + s.cpu().state.name().toLowerCase() + " ──").split("\n")));
        out.addAll(List.of(MachineViews.registers(s.cpu()).split("\n")));
        out.addAll(List.of(MachineViews.controlRegisters(s.cpu()).split("\n")));
        return out;
    }

    static List<String> stack(Session s, int rows) {
        Cpu c = s.cpu();
        List<String> out = new ArrayList<>();
        out.add("── stack ──");
        for (int i = 0; i < rows - 1; i++) {
            long a = c.r[Reg.RSP] + 8L * i;
            byte[] b = s.controller().memory().read(c, a, 8, false);
            if (b == null) { out.add(String.format("0x%016x: (not mapped)", a)); break; }
            long v = 0;
            for (int k = 7; k >= 0; k--) v = (v << 8) | (b[k] & 0xFF);
            String sym = s.target().symbols().containing(v).isPresent() ? " <" + s.target().symbolize(v) + ">" : "";
            out.add(String.format("0x%016x: 0x%016x%s%s", a, v, sym, a == c.r[Reg.RBP] ? "  <- rbp" : ""));
        }
        return out;
    }

    static List<String> cpuInfo(Session s, int rows) {
        List<String> out = new ArrayList<>();
        out.add("── cpu_info of cpu" + s.cpuId() + " ──");
        try {
            for (String l : s.view().print("*curcpu()").split("\n")) if (out.size() < rows) out.add(l);
        } catch (InspectException e) {
            out.add(e.getMessage());
        }
        return out;
    }
}
