package dev.tk86.tools.debug;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.kernel.srcmap.SiteInfo;
import dev.tk86.kernel.srcmap.SourceMap;
import dev.tk86.kernel.types.Type;
import dev.tk86.tools.inspect.InspectException;
import dev.tk86.tools.inspect.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What users type for a place in the guest: code locations for breakpoints (a symbol, an
 * address, {@code *EXPR}, a TKL {@code file:line}) and data for {@code x}, {@code pt} and
 * watchpoints (numbers, registers, TKL expressions through the introspection library).
 */
public final class Locations {
    private static final Pattern FILE_LINE = Pattern.compile("([\\w./-]+\\.tk):(\\d+)");
    private static final Pattern SYMBOL_OFFSET = Pattern.compile("([A-Za-z_.$][\\w.$]*)\\s*\\+\\s*(0x[0-9a-fA-F]+|\\d+)");
    private static final String CODE_EXPECTED = "expected a function or symbol, 0xADDRESS, *EXPRESSION or FILE.tk:LINE";

    private final DebugTarget target;

    public Locations(DebugTarget target) { this.target = target; }

    /** An lvalue to watch: its address and size. */
    public record Place(long address, int size) { }

    /** The code addresses {@code spec} names (a file:line may have several statements). */
    public List<Long> code(String spec, Cpu cpu) {
        String s = spec.strip();
        if (s.isEmpty()) throw new DebugException("missing a location; " + CODE_EXPECTED);
        if (s.startsWith("*")) return List.of(number(s.substring(1), cpu));
        Matcher fl = FILE_LINE.matcher(s);
        if (fl.matches()) return fileLine(fl.group(1), Integer.parseInt(fl.group(2)));
        Long n = parseNumber(s);
        if (n != null) return List.of(n);
        Matcher so = SYMBOL_OFFSET.matcher(s);
        if (so.matches()) return List.of(symbol(so.group(1)) + parseNumber(so.group(2)));
        if (s.matches("[A-Za-z_.$][\\w.$]*")) return List.of(symbol(s));
        throw new DebugException("cannot read location '" + s + "'; " + CODE_EXPECTED);
    }

    private long symbol(String name) {
        return target.address(name).orElseThrow(() -> new DebugException("unknown symbol '" + name + "'; " + CODE_EXPECTED));
    }

    private List<Long> fileLine(String file, int line) {
        SourceMap map = target.sourceMap().orElseThrow(() -> new DebugException("the image has no TKL code, so no '" + file + "'"));
        String path = resolveFile(file);
        List<SiteInfo> sites = map.breakpointSites(path, line);
        if (sites.isEmpty())
            throw new DebugException("no statement starts at " + path + ":" + line + "; expected a line with a TKL statement");
        List<Long> out = new ArrayList<>();
        for (SiteInfo si : sites) out.add(si.address());
        return out;
    }

    /** A TKL path as given, or the one file whose path ends with it ({@code kern_exit.tk}). */
    private String resolveFile(String file) {
        List<String> files = target.sourceFiles();
        if (files.contains(file)) return file;
        List<String> match = files.stream().filter(f -> f.endsWith("/" + file)).toList();
        if (match.size() == 1) return match.get(0);
        if (match.isEmpty()) throw new DebugException("no TKL file '" + file + "'; expected one of the image's " + files.size() + " files, e.g. " + (files.isEmpty() ? "(none)" : files.get(0)));
        throw new DebugException("'" + file + "' is ambiguous: " + String.join(", ", match));
    }

    /** A number: a literal, a register, a symbol's address, or a TKL expression's value. */
    public long number(String expr, Cpu cpu) {
        String s = expr.strip();
        Long n = parseNumber(s);
        if (n != null) return n;
        if (s.matches("[A-Za-z_.][\\w.]*") && target.address(s).isPresent() && target.inspector().image().globalType(s).isEmpty())
            return target.address(s).get(); // an assembler label: its address, as gdb takes it
        Value v = evaluate(s, cpu);
        if (v.type() instanceof Type.Struct || v.type() instanceof Type.Array) return v.address();
        return v.inMemory() ? target.inspector().cpu(cpu.id).reader().scalar(v) : v.bits();
    }

    /** An lvalue for a watchpoint: a TKL expression with an address, or a raw address (8 bytes). */
    public Place place(String expr, Cpu cpu) {
        String s = expr.strip();
        Long n = parseNumber(s);
        if (n != null) return new Place(n, 8);
        Value v = evaluate(s, cpu);
        if (!v.inMemory()) throw new DebugException("'" + s + "' is a value, not a place in memory; expected a variable, a field or *POINTER (or watch -l ADDRESS)");
        return new Place(v.address(), (int) Math.max(1, Math.min(8, v.type().size())));
    }

    private Value evaluate(String s, Cpu cpu) {
        try {
            return target.inspector().cpu(cpu.id).evaluate(s);
        } catch (InspectException e) {
            throw new DebugException(e.getMessage());
        }
    }

    /** 0x1f, 31, 0b11, 1_000; null if {@code s} is not a number. */
    public static Long parseNumber(String s) {
        String t = s.strip().replace("_", "");
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseUnsignedLong(t.substring(2), 16);
            if (t.matches("\\d+")) return Long.parseUnsignedLong(t);
            if (t.matches("-\\d+")) return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** The first TKL file:line of the image's source map, for messages. */
    public Optional<String> anyFileLine() {
        return target.sourceMap().flatMap(m -> m.functions().stream().findFirst()).map(f -> f.file() + ":" + f.line());
    }
}
