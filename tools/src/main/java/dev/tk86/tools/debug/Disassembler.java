package dev.tk86.tools.debug;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.decode.AttFormatter;
import dev.tk86.isa.decode.DecodeException;
import dev.tk86.isa.decode.Decoder;
import dev.tk86.isa.decode.Insn;
import dev.tk86.kernel.srcmap.SiteInfo;
import dev.tk86.tools.x86.CapstoneX86;
import dev.tk86.tools.x86.DecodedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Code as a debugger lists it: machine code through Capstone (tk86's own AT&T formatter when
 * the native library is missing), TKL sites as their source line, each labelled with its
 * symbol and offset. Reads go through a CPU's page tables without side effects.
 */
public final class Disassembler {
    private static CapstoneX86.Availability capstone;

    /** One listed instruction or TKL site. */
    public record Line(long address, String label, String bytes, String text) {
        public String format(boolean current) {
            if (bytes.isEmpty()) return String.format("%s0x%016x <%s>: %s", current ? "=> " : "   ", address, label, text);
            return String.format("%s0x%016x <%s>: %-24s %s", current ? "=> " : "   ", address, label, bytes, text);
        }
    }

    private final DebugTarget target;
    private final RawMemory memory;

    public Disassembler(DebugTarget target) {
        this.target = target;
        this.memory = new RawMemory(target);
    }

    private static synchronized CapstoneX86 capstone() {
        if (capstone == null) capstone = CapstoneX86.open();
        return capstone.capstone();
    }

    /** Which disassembler listed machine code: for the user, once. */
    public static String engine() { return capstone() != null ? "Capstone" : "tk86's formatter (Capstone is not installed)"; }

    public List<Line> list(Cpu cpu, long address, int count) {
        List<Line> out = new ArrayList<>();
        long a = address;
        for (int i = 0; i < count; i++) {
            Line l = one(cpu, a);
            out.add(l);
            int len = Math.max(1, l.bytes().isEmpty() ? 1 : l.bytes().split(" ").length);
            a += len;
        }
        return out;
    }

    public Line one(Cpu cpu, long address) {
        String label = target.symbolize(address);
        Optional<SiteInfo> site = target.site(address);
        if (site.isPresent()) {
            SiteInfo s = site.get();
            String src = target.sourceLine(s.file(), s.line()).map(String::strip).orElse("");
            return new Line(address, label, "", String.format("[tkl %s %s:%d] %s", s.kind().name().toLowerCase(), s.file(), s.line(), src));
        }
        byte[] bytes = memory.read(cpu, address, 15, false);
        if (bytes == null) bytes = readUpToUnmapped(cpu, address);
        if (bytes.length == 0) return new Line(address, label, "", "(not mapped)");
        String text;
        int len;
        CapstoneX86 cs = capstone();
        DecodedText.Insn c = cs == null ? null : cs.decode(bytes, 0, address);
        if (c != null) {
            text = c.text();
            len = c.length();
        } else {
            final byte[] b = bytes;
            try {
                Insn insn = Decoder.decode(dev.tk86.isa.decode.ByteSource.of(b, 0, b.length), address);
                text = AttFormatter.format(insn, address);
                len = insn.length();
            } catch (DecodeException e) {
                text = "(bad)";
                len = 1;
            }
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < len && i < bytes.length; i++) hex.append(i == 0 ? "" : " ").append(String.format("%02x", bytes[i] & 0xFF));
        return new Line(address, label, hex.toString(), text);
    }

    private byte[] readUpToUnmapped(Cpu cpu, long address) {
        int n = 0;
        while (n < 15 && memory.read(cpu, address + n, 1, false) != null) n++;
        return n == 0 ? new byte[0] : memory.read(cpu, address, n, false);
    }
}
