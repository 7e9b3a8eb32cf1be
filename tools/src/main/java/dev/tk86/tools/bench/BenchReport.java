package dev.tk86.tools.bench;

import dev.tk86.tools.json.JsonObjectBuilder;
import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonWriter;
import java.util.List;
import java.util.Locale;

/** The benchmark's table for people and its one-line JSON for scripts. */
public final class BenchReport {
    private BenchReport() { }

    /** {@code {"alu_mips":..,"mem_mips":..,"switch_mips":..,"swcr3_mips":..}}: medians, one decimal. */
    public static String json(List<LoopResult> results) {
        JsonObjectBuilder o = new JsonObjectBuilder();
        for (LoopResult r : results)
            o.put(r.loop().key() + "_mips", new JsonValue.JsonNumber(String.format(Locale.ROOT, "%.1f", r.medianMips())));
        return JsonWriter.write(o.build());
    }

    public static String table(List<LoopResult> results) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-7s %10s %13s %5s %12s %17s %10s %9s %10s %12s%n",
                "loop", "ITERS", "instructions", "runs", "median MIPS", "min..max MIPS", "CPU MIPS", "checksum", "cr3 loads", "page walks"));
        for (LoopResult r : results) {
            BenchRun first = r.runs().get(0);
            s.append(String.format(Locale.ROOT, "%-7s %10d %13d %5d %12.1f %17s %10.1f %9s %10d %12d%n",
                    r.loop().key(), r.iterations(), r.instructions(), r.runs().size(), r.medianMips(),
                    String.format(Locale.ROOT, "%.1f..%.1f", r.minMips(), r.maxMips()), r.medianCpuMips(),
                    String.format("0x%02x ok", r.checksum()), first.cr3Loads(), first.pageWalks()));
        }
        return s.toString();
    }
}
