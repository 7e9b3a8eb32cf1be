package dev.tk86.tools.cli;

import dev.tk86.tools.BadInputException;
import dev.tk86.tools.json.JsonIntegers;
import dev.tk86.tools.json.JsonWriter;
import dev.tk86.tools.x86.DecodeJson;
import dev.tk86.tools.x86.DecodedText;
import dev.tk86.tools.x86.Hex;
import dev.tk86.tools.x86.InsnDecoder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tk86 x86 decode}: the first instruction in some bytes, as JSON. */
@Command(name = "decode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Decode the first instruction in the bytes and print",
                "{\"length\":..,\"mnemonic\":\"..\",\"operands\":\"..\",\"text\":\"..\"} in AT&T",
                "syntax as Capstone prints it, or {\"error\":\"outside the subset: ..\",",
                "\"kind\":\"outside-subset\"} (kinds: outside-subset, undefined, too-long,",
                "truncated) with exit status 1.",
                "--batch FILE|- decodes one hex string per line and prints one object per",
                "line (exit status 0, or 2 if a line is not hex)."})
final class X86DecodeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--code", paramLabel = "HEX", description = "the bytes, e.g. 4801d8")
    String code;

    @Option(names = "--address", paramLabel = "ADDR", description = "address of the first byte, for branch targets (default: 0x1000)")
    String address = "0x1000";

    @Mixin VendorOption vendor;

    @Option(names = "--batch", paramLabel = "FILE|-", description = "decode one hex string per line of FILE (- for stdin)")
    String batch;

    @Override
    public Integer call() {
        long at = JsonIntegers.parse(address, "--address");
        var out = spec.commandLine().getOut();
        if (batch != null) {
            if (code != null) throw new BadInputException("--batch reads the bytes from each line: drop --code");
            long bad = BatchLoop.run(batch, out, spec.commandLine().getErr(),
                    line -> DecodeJson.of(InsnDecoder.decode(Hex.parse(line, "hex"), 0, at, vendor.vendor())));
            return bad == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        }
        if (code == null) throw new BadInputException("give the bytes to decode with --code HEX (or lines of hex with --batch FILE)");
        DecodedText d = InsnDecoder.decode(Hex.parse(code, "--code"), 0, at, vendor.vendor());
        out.println(JsonWriter.write(DecodeJson.of(d)));
        out.flush();
        return d instanceof DecodedText.Insn ? ExitCodes.OK : ExitCodes.GUEST_EXCEPTION;
    }
}
