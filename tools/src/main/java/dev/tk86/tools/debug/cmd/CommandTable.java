package dev.tk86.tools.debug.cmd;

import dev.tk86.tools.debug.DebugException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command names (with aliases and two-word commands such as {@code show proc}) to commands,
 * and the help text. Unknown names get one line listing what is known.
 */
public final class CommandTable {
    /** A command as help lists it. */
    public record Entry(String name, List<String> aliases, String usage, String help, Command command) { }

    private final Map<String, Entry> byName = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    public CommandTable add(String names, String usage, String help, Command c) {
        String[] n = names.split("\\|");
        Entry e = new Entry(n[0], List.of(n).subList(1, n.length), usage, help, c);
        entries.add(e);
        for (String name : n) byName.put(name, e);
        return this;
    }

    public List<Entry> entries() { return entries; }

    /** The entry and its arguments for a line; two-word names are tried first. */
    public Match find(String line) {
        String[] w = line.strip().split("\\s+", 3);
        if (w.length >= 2 && byName.containsKey(w[0] + " " + w[1]))
            return new Match(byName.get(w[0] + " " + w[1]), w.length == 3 ? w[2] : "");
        String first = w[0];
        String rest = line.strip().substring(first.length()).strip();
        int slash = first.indexOf('/');
        if (slash > 0 && byName.containsKey(first.substring(0, slash + 1)))
            return new Match(byName.get(first.substring(0, slash + 1)), first.substring(slash + 1) + " " + rest);
        Entry e = byName.get(first);
        if (e == null) {
            String prefix = first + " ";
            List<String> subs = byName.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
            if (!subs.isEmpty()) throw new DebugException("'" + line.strip() + "': expected one of " + String.join(", ", subs));
            throw new DebugException("unknown command '" + first + "'; expected one of: " + names() + " (help for more)");
        }
        return new Match(e, rest);
    }

    private String names() {
        List<String> n = new ArrayList<>();
        for (Entry e : entries) n.add(e.name());
        return String.join(" ", n);
    }

    /** A line resolved to its command. */
    public record Match(Entry entry, String args) { }
}
