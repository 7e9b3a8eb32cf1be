package dev.tk86.tools.monitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened before a violation, for its report: the last switches on each CPU, and the last
 * allocation and free of each address monitors care about (uareas, pages).
 */
public final class Events {
    private static final int SWITCHES_KEPT = 4;
    private final List<ArrayDeque<String>> switches = new ArrayList<>();
    private final Map<Long, String> lastAlloc = new HashMap<>(), lastFree = new HashMap<>();

    public Events(int cpus) {
        for (int i = 0; i < cpus; i++) switches.add(new ArrayDeque<>());
    }

    public void switched(int cpu, String what) {
        ArrayDeque<String> q = switches.get(cpu);
        if (q.size() == SWITCHES_KEPT) q.removeFirst();
        q.addLast(what);
    }

    public void allocated(long address, String what) { lastAlloc.put(address, what); }

    public void freed(long address, String what) { lastFree.put(address, what); }

    public String lastFree(long address) { return lastFree.get(address); }

    /** The events to report with a violation on {@code cpu} about {@code address} (-1 for none). */
    public List<String> about(int cpu, long address) {
        List<String> out = new ArrayList<>();
        if (address != -1) {
            String a = lastAlloc.get(address), f = lastFree.get(address);
            if (a != null) out.add("last allocation: " + a);
            if (f != null) out.add("last free: " + f);
        }
        for (String s : switches.get(cpu)) out.add("switch on cpu" + cpu + ": " + s);
        return out;
    }
}
