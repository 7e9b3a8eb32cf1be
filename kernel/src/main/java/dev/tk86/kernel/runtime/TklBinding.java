package dev.tk86.kernel.runtime;

import dev.tk86.isa.machine.Machine;
import dev.tk86.kernel.bundle.MalformedBundleException;
import dev.tk86.kernel.bundle.TklBundle;
import dev.tk86.kernel.check.Compilation;
import dev.tk86.kernel.codegen.CompiledProgram;
import dev.tk86.kernel.codegen.TklCompiler;
import dev.tk86.kernel.diag.Diagnostic;
import dev.tk86.kernel.lower.LoweredFunction;
import dev.tk86.kernel.lower.LoweredProgram;
import dev.tk86.kernel.lower.Lowering;
import dev.tk86.kernel.typed.GlobalDef;
import dev.tk86.kernel.typed.StringLiteral;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * From an image's TKL parts to a running runtime: read the bundle, check and lower the
 * program (the same pure functions the image build ran, so the sites agree), check every
 * symbol against it, generate the code with the addresses as constants, and register the
 * runtime for {@code .text.tkl}. Every problem is one {@link TklBindException} line.
 */
public final class TklBinding {
    private TklBinding() {}

    /** Binds the program carried by an image's {@code .tkl} section. */
    public static TklRuntime bind(Machine machine, byte[] bundle, TextRange text, ImageSymbols symbols) throws TklBindException {
        String hash = sha256(bundle);
        ProgramCache.Front front = ProgramCache.front(hash, () -> frontEnd(bundle));
        if (front.error() != null) throw new TklBindException(front.error());
        Map<String, Long> addresses = resolve(front.program(), text, symbols);
        CompiledProgram code = ProgramCache.code(hash, front.program(), addresses);
        return new TklRuntime(machine, code, text, addresses).attach();
    }

    /** Binds an already lowered program (tests, tools that built the image in this JVM); not cached. */
    public static TklRuntime bind(Machine machine, LoweredProgram program, TextRange text, ImageSymbols symbols)
            throws TklBindException {
        Map<String, Long> addresses = resolve(program, text, symbols);
        return new TklRuntime(machine, TklCompiler.compile(program, addresses), text, addresses).attach();
    }

    private static ProgramCache.Front frontEnd(byte[] bytes) {
        TklBundle bundle;
        try {
            bundle = TklBundle.read(bytes);
        } catch (MalformedBundleException e) {
            return new ProgramCache.Front(null, e.getMessage());
        }
        Compilation c = bundle.compile();
        if (!c.ok()) {
            Diagnostic first = c.errors().get(0);
            int more = c.errors().size() - 1;
            return new ProgramCache.Front(null, "the TKL program does not compile: " + first.headline()
                    + (more > 0 ? " (and " + more + " more error" + (more == 1 ? "" : "s") + ")" : ""));
        }
        return new ProgramCache.Front(Lowering.lower(c.program()), null);
    }

    /**
     * The address of every symbol the program needs, after checking that the image was built
     * from this program: each TKL function inside {@code .text.tkl} with one byte per site,
     * each TKL global and string literal with its size, each extern the code uses defined.
     */
    static Map<String, Long> resolve(LoweredProgram program, TextRange text, ImageSymbols symbols) throws TklBindException {
        List<String> problems = new ArrayList<>();
        Map<String, Long> out = new LinkedHashMap<>();
        Set<String> defined = new HashSet<>();
        for (LoweredFunction f : program.functions()) defined.add(f.name());
        for (GlobalDef g : program.program().globals()) defined.add(g.name());
        for (StringLiteral s : program.program().strings()) defined.add(s.symbol());
        for (LoweredFunction f : program.functions()) {
            Optional<ImageSymbols.Symbol> s = symbols.lookup(f.name());
            if (s.isEmpty()) {
                problems.add("TKL function '" + f.name() + "' has no symbol in the image");
                continue;
            }
            long v = s.get().value();
            if (Long.compareUnsigned(v - text.virtualStart(), text.size()) >= 0) {
                problems.add(String.format("symbol '%s' at 0x%x is not inside .text.tkl (0x%x-0x%x)", f.name(), v,
                        text.virtualStart(), text.virtualEnd()));
            } else if (s.get().size() != f.siteCount()) {
                problems.add(String.format("symbol '%s' is %d bytes, but the TKL function has %d sites (the image was "
                        + "not built from this program)", f.name(), s.get().size(), f.siteCount()));
            } else if (Long.compareUnsigned(v - text.virtualStart() + f.siteCount(), text.size()) > 0) {
                problems.add(String.format("symbol '%s' at 0x%x (%d bytes) runs past the end of .text.tkl at 0x%x",
                        f.name(), v, f.siteCount(), text.virtualEnd()));
            }
            out.put(f.name(), v);
        }
        for (GlobalDef g : program.program().globals()) {
            sized(symbols, g.name(), g.size(), "TKL global", problems, out);
        }
        for (StringLiteral s : program.program().strings()) {
            sized(symbols, s.symbol(), s.bytes().length, "string literal \"" + printable(s.text()) + "\",", problems, out);
        }
        for (String name : program.referencedSymbols()) {
            if (defined.contains(name)) continue;
            Optional<ImageSymbols.Symbol> s = symbols.lookup(name);
            if (s.isEmpty()) problems.add("'" + name + "' (extern in TKL) is not defined in the image");
            else out.put(name, s.get().value());
        }
        if (!problems.isEmpty()) {
            int more = problems.size() - 1;
            throw new TklBindException(problems.get(0) + (more > 0 ? " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")" : ""));
        }
        return out;
    }

    private static void sized(ImageSymbols symbols, String name, long size, String what, List<String> problems, Map<String, Long> out) {
        Optional<ImageSymbols.Symbol> s = symbols.lookup(name);
        if (s.isEmpty()) {
            problems.add(what + " '" + name + "' has no symbol in the image");
        } else {
            if (s.get().size() != size)
                problems.add(String.format("symbol '%s' is %d bytes, but the TKL program says %d", name, s.get().size(), size));
            out.put(name, s.get().value());
        }
    }

    private static String printable(String s) {
        String t = s.length() > 20 ? s.substring(0, 20) + "..." : s;
        return t.replace("\n", "\\n").replace("\t", "\\t");
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }
}
