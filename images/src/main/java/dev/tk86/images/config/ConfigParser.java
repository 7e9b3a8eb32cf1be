package dev.tk86.images.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a kernel configuration file (format: images/conf/README.md). Line-oriented like
 * OpenBSD's config(8) input: a keyword and its arguments, {@code #} to the end of the line is a
 * comment. Every error names the file and line.
 */
public final class ConfigParser {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern OPTION = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final int MAX_INCLUDE_DEPTH = 16;
    public static final String MACHINE = "amd64";

    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<KernelConfig.ConfigPatch> patches = new ArrayList<>();
    private final Deque<Path> including = new ArrayDeque<>();
    private String machine;

    private ConfigParser() { }

    /** True for names an option may have (they become cpp macros and TKL option names). */
    public static boolean isOptionName(String s) { return OPTION.matcher(s).matches(); }

    /** True for names a kernel may have (they become file names and the version string). */
    public static boolean isKernelName(String s) { return NAME.matcher(s).matches(); }

    /**
     * Parses {@code file}. Option names are checked against the kernel tree only later
     * ({@link KernelConfig#check}), because a configuration's patches may declare new ones.
     */
    public static KernelConfig parse(Path file) throws ConfigException {
        String name = file.getFileName().toString();
        if (!isKernelName(name))
            throw new ConfigException(file + ": '" + name + "' is not a kernel name (letters, digits, '_', '.', '-')");
        ConfigParser p = new ConfigParser();
        p.file(file.toAbsolutePath().normalize(), file.toString());
        if (p.machine == null) throw new ConfigException(file + ": no 'machine amd64' line");
        return new KernelConfig(name, file, p.machine, p.options, p.patches);
    }

    private void file(Path abs, String shown) throws ConfigException {
        if (including.contains(abs)) throw new ConfigException(shown + ": included from itself (" + chain() + ")");
        if (including.size() >= MAX_INCLUDE_DEPTH)
            throw new ConfigException(shown + ": includes nested more than " + MAX_INCLUDE_DEPTH + " deep (" + chain() + ")");
        List<String> lines;
        try {
            lines = Files.readAllLines(abs, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(shown + ": no such configuration file");
        } catch (IOException e) {
            throw new ConfigException(shown + ": cannot read: " + e.getMessage());
        }
        including.push(abs);
        for (int i = 0; i < lines.size(); i++) line(abs, shown, i + 1, lines.get(i));
        including.pop();
    }

    private String chain() {
        List<String> names = new ArrayList<>();
        including.descendingIterator().forEachRemaining(p -> names.add(p.getFileName().toString()));
        return String.join(" -> ", names);
    }

    private void line(Path abs, String shown, int n, String text) throws ConfigException {
        int hash = text.indexOf('#');
        List<String> w = KnownOptions.words(hash >= 0 ? text.substring(0, hash) : text);
        if (w.isEmpty()) return;
        String where = shown + ":" + n + ": ";
        String keyword = w.get(0);
        List<String> args = w.subList(1, w.size());
        switch (keyword) {
            case "machine" -> {
                one(where, keyword, args, "machine amd64");
                if (!args.get(0).equals(MACHINE))
                    throw new ConfigException(where + "machine '" + args.get(0) + "' is not supported (tk86 builds amd64 kernels)");
                machine = MACHINE;
            }
            case "option" -> {
                for (String o : optionList(where, keyword, args)) options.putIfAbsent(o, where.substring(0, where.length() - 2));
            }
            case "rmoption" -> {
                for (String o : optionList(where, keyword, args))
                    if (options.remove(o) == null) throw new ConfigException(where + "rmoption " + o + ": it is not enabled at this point");
            }
            case "include" -> {
                one(where, keyword, args, "include \"FILE\"");
                String f = unquote(where, args.get(0));
                file(abs.resolveSibling(f).normalize(), Path.of(shown).resolveSibling(f).normalize().toString());
            }
            case "patch" -> {
                one(where, keyword, args, "patch \"FILE.diff\"");
                String f = unquote(where, args.get(0));
                Path diff = abs.resolveSibling(f).normalize();
                if (!Files.isRegularFile(diff)) throw new ConfigException(where + "patch \"" + f + "\": no such file (" + diff + ")");
                patches.add(new KernelConfig.ConfigPatch(diff, where.substring(0, where.length() - 2)));
            }
            default -> throw new ConfigException(where + "unknown keyword '" + keyword
                    + "' (a line is one of: machine, option, rmoption, include, patch; # starts a comment)");
        }
    }

    private static void one(String where, String keyword, List<String> args, String form) throws ConfigException {
        if (args.size() != 1)
            throw new ConfigException(where + keyword + " takes one argument, found " + args.size() + " (write: " + form + ")");
    }

    private static List<String> optionList(String where, String keyword, List<String> args) throws ConfigException {
        List<String> out = new ArrayList<>();
        for (String part : String.join(" ", args).split(",", -1)) {
            String o = part.strip();
            if (o.isEmpty()) throw new ConfigException(where + keyword + ": an empty option name (write: " + keyword + " NAME[, NAME...])");
            if (!isOptionName(o)) throw new ConfigException(where + keyword + ": '" + o + "' is not an option name");
            out.add(o);
        }
        return out;
    }

    private static String unquote(String where, String s) throws ConfigException {
        if (s.startsWith("\"") != s.endsWith("\"") || s.equals("\""))
            throw new ConfigException(where + "unbalanced quote in " + s);
        String u = s.startsWith("\"") ? s.substring(1, s.length() - 1) : s;
        if (u.isEmpty()) throw new ConfigException(where + "empty file name");
        return u;
    }
}
