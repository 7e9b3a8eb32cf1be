package dev.tk86.tools.cli;

import dev.tk86.tools.json.JsonIntegers;
import dev.tk86.tools.x86.CapstoneX86;
import dev.tk86.tools.x86.Hex;
import dev.tk86.tools.x86.SideBySide;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tk86 x86 disasm}: Capstone's disassembly next to tk86's. */
@Command(name = "disasm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Disassemble the bytes with Capstone 4 and with tk86's own decoder,",
                "instruction by instruction, in two columns; '*' marks a row where they",
                "differ (length or text). Without the native Capstone library (Debian:",
                "libcapstone4) it says so on stderr and prints tk86's column alone, up to",
                "the first instruction tk86 rejects."})
final class X86DisasmCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--code", required = true, paramLabel = "HEX", description = "the bytes, e.g. 0f01f8c3")
    String code;

    @Option(names = "--address", paramLabel = "ADDR", description = "address of the first byte (default: 0x1000)")
    String address = "0x1000";

    @Mixin VendorOption vendor;

    @Override
    public Integer call() {
        byte[] bytes = Hex.parse(code, "--code");
        long at = JsonIntegers.parse(address, "--address");
        CapstoneX86.Availability cs = CapstoneX86.open();
        var out = spec.commandLine().getOut();
        if (cs.capstone() == null)
            spec.commandLine().getErr().println("tk86: Capstone is not available (" + cs.whyNot()
                    + "; Debian: apt-get install libcapstone4); showing tk86's disassembly only");
        List<SideBySide.Row> rows = SideBySide.rows(bytes, at, cs.capstone(), vendor.vendor());
        int bytesWidth = Math.max(5, rows.stream().mapToInt(r -> r.bytes().length * 3 - 1).max().orElse(0));
        int csWidth = Math.max(8, rows.stream().mapToInt(r -> r.capstone() == null ? 0 : r.capstone().length()).max().orElse(0));
        String addrFormat = "%-" + Math.max(7, Long.toHexString(at + bytes.length).length() + 2) + "s";
        String header = "  " + String.format(addrFormat, "address") + "  " + pad("bytes", bytesWidth) + "  "
                + (cs.capstone() != null ? pad("capstone", csWidth) + "  " : "") + "tk86";
        out.println(header);
        int differ = 0;
        for (SideBySide.Row r : rows) {
            if (r.differ()) differ++;
            out.println((r.differ() ? "* " : "  ") + String.format(addrFormat, Hex.word(r.address())) + "  "
                    + pad(Hex.format(r.bytes(), 0, r.bytes().length, " "), bytesWidth) + "  "
                    + (cs.capstone() != null ? pad(r.capstone(), csWidth) + "  " : "") + r.tk86());
        }
        if (cs.capstone() != null)
            out.println(rows.size() + " instruction(s), " + (differ == 0 ? "Capstone and tk86 agree" : differ + " differ (*)"));
        out.flush();
        return ExitCodes.OK;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
