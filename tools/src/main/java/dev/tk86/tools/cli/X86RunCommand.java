package dev.tk86.tools.cli;

import dev.tk86.tools.BadInputException;
import dev.tk86.tools.json.JsonReader;
import dev.tk86.tools.json.JsonWriter;
import dev.tk86.tools.x86.Hex;
import dev.tk86.tools.x86.InitialRegs;
import dev.tk86.tools.x86.MemRegion;
import dev.tk86.tools.x86.Paging;
import dev.tk86.tools.x86.SnippetCase;
import dev.tk86.tools.x86.SnippetEnd;
import dev.tk86.tools.x86.SnippetJson;
import dev.tk86.tools.x86.SnippetResult;
import dev.tk86.tools.x86.SnippetRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tk86 x86 run}: the snippet runner. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Execute raw x86-64 bytes in ring 0 and print the final state as one JSON",
                "object: end (completed, exception, halted, step-limit, power-off,",
                "triple-fault), steps retired, regs (rax..r15, rip, rflags as hex strings),",
                "the bytes of each --mem region, and the exception that ended the run",
                "(vector, name, error_code, cr2, detail)."},
        footerHeading = "%nMachine layout:%n",
        footer = {
                "  One CPU, 64 MiB of RAM, CPL 0, 64-bit mode. The code is placed at 0x1000",
                "  and RIP starts there. The snippet ends when RIP reaches the byte after the",
                "  code (nothing is appended to it), at the first exception (reported, not",
                "  delivered: there is no IDT; the registers show the faulting instruction),",
                "  at hlt, or after --max-steps instructions. Software interrupts (int3,",
                "  int $n) find no IDT: #GP with error code vector*8+2, as on hardware.",
                "  Registers start at 0, except rsp = 0x100000 and rflags = 0x2.",
                "  --paging identity (default): CR0.PG|WP, CR4.PAE|PGE, EFER.LME|LMA|NXE;",
                "  page tables at 0x1fc000..0x200000 map virtual = physical: [0x1000, 2 MiB)",
                "  with 4 KiB pages, [2 MiB, 64 MiB) with 2 MiB pages; present, writable,",
                "  supervisor, executable, not global. Page 0 and everything from 64 MiB up",
                "  are not mapped (#PF).",
                "  --paging off: a tk86 convenience mode, not an architectural one: CR0.PG = 0",
                "  (addresses are physical, nothing faults on translation) while instructions",
                "  keep their 64-bit semantics.",
                "  --mem regions are physical (= virtual with the identity map) addresses in",
                "  RAM; they may not overlap the code, the page tables or each other.",
                "",
                "Batch:",
                "  --batch FILE|- reads one case per line, for example",
                "  {\"code\":\"4801d8\",\"regs\":{\"rax\":1},\"mem\":{\"0x2000\":\"aabb\"},",
                "   \"paging\":\"off\",\"max_steps\":100,\"id\":7}",
                "  (only code is required; id is echoed), and prints one result per line.",
                "  A bad line gets {\"line\":N,\"error\":\"...\"} and the batch goes on (exit",
                "  status 2 at the end); exceptions and step limits are results (status 0)."})
final class X86RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--code", paramLabel = "HEX", description = "instruction bytes, e.g. 4801d8 or '48 01 d8'")
    String code;

    @Option(names = "--regs", paramLabel = "JSON",
            description = "initial registers, e.g. '{\"rax\":1,\"rbx\":\"0xffff800000000000\",\"rflags\":\"0x202\"}'")
    String regs;

    @Option(names = "--mem", paramLabel = "ADDR=HEX", description = "preload memory (repeatable); dumped after the run")
    List<String> mem = new ArrayList<>();

    @Option(names = "--paging", paramLabel = "identity|off", description = "address translation (default: ${DEFAULT-VALUE})")
    String paging = "identity";

    @Option(names = "--max-steps", paramLabel = "N", description = "instruction budget (default: ${DEFAULT-VALUE})")
    long maxSteps = SnippetCase.DEFAULT_MAX_STEPS;

    @Option(names = "--batch", paramLabel = "FILE|-", description = "run one JSON case per line of FILE (- for stdin)")
    String batch;

    @Mixin VendorOption vendor;

    @Override
    public Integer call() {
        Paging mode = Paging.parse(paging, "--paging");
        if (maxSteps < 1) throw new BadInputException("--max-steps: must be at least 1, got " + maxSteps);
        SnippetRunner runner = new SnippetRunner(vendor.vendor());
        var out = spec.commandLine().getOut();
        if (batch != null) {
            if (code != null || regs != null || !mem.isEmpty())
                throw new BadInputException("--batch takes code, regs and mem from each line: drop --code, --regs and --mem");
            SnippetJson.Defaults defaults = new SnippetJson.Defaults(mode, maxSteps);
            long bad = BatchLoop.run(batch, out, spec.commandLine().getErr(),
                    line -> SnippetJson.result(runner.run(SnippetJson.parseCase(JsonReader.parse(line), defaults))));
            return bad == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        }
        if (code == null) throw new BadInputException("give the bytes to run with --code HEX (or cases with --batch FILE)");
        InitialRegs initial = InitialRegs.defaults();
        if (regs != null) initial = initial.with(parseJson(regs), "--regs");
        List<MemRegion> regions = new ArrayList<>();
        for (String m : mem) regions.add(SnippetJson.parseMemOption(m));
        SnippetCase c = new SnippetCase(Hex.parse(code, "--code"), initial, regions, mode, maxSteps, null);
        SnippetResult r = runner.run(c);
        out.println(JsonWriter.write(SnippetJson.result(r)));
        out.flush();
        if (r.end() == SnippetEnd.STEP_LIMIT) spec.commandLine().getErr().println("tk86: " + r.detail());
        return switch (r.end()) {
            case COMPLETED, HALTED, POWER_OFF -> ExitCodes.OK;
            case EXCEPTION, TRIPLE_FAULT -> ExitCodes.GUEST_EXCEPTION;
            case STEP_LIMIT -> ExitCodes.STEP_LIMIT;
        };
    }

    private static dev.tk86.tools.json.JsonValue parseJson(String text) {
        try {
            return JsonReader.parse(text);
        } catch (dev.tk86.tools.json.JsonException e) {
            throw new BadInputException("--regs: malformed JSON at " + e.getMessage());
        }
    }
}
