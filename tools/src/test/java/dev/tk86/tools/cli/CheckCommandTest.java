package dev.tk86.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.tools.boot.TestImages;
import dev.tk86.tools.json.JsonReader;
import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonValue.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "tk86 check" and "tk86 replay", on the kernels that exist: the table and JSON, runs
 * stopped at their budget reported as hangs, panics, shards and their merge, replays that
 * reproduce a run, and one line with status 2 for each kind of bad input.
 */
@Timeout(600)
class CheckCommandTest {
    @TempDir Path tmp;

    private static String smoke() { return TestImages.of("SMOKE").toString(); }

    private static JsonObject json(Cli.Outcome o) { return (JsonObject) JsonReader.parse(o.line()); }

    private static long number(JsonValue v) { return Long.parseLong(((JsonValue.JsonNumber) v).text()); }

    private static JsonObject obj(JsonObject o, String... path) {
        JsonObject x = o;
        for (String p : path) x = (JsonObject) x.get(p);
        return x;
    }

    @Test
    void aCorrectKernelPassesEveryRunAndTheTableListsEachInvariant() {
        Cli.Outcome o = Cli.run("check", smoke(), "--workloads", "forkexit,vfork", "--seeds", "4", "--jobs", "2", "--cpus", "1-2");
        assertEquals(0, o.status(), o::toString);
        for (String inv : List.of("panic", "workload", "hang", "deadlock", "triple_fault")) {
            assertTrue(o.out().contains(String.format("%-12s %-22s %8d %10d  -", "forkexit", inv, 8, 0)), o.out());
            assertTrue(o.out().contains(String.format("%-12s %-22s %8d %10d  -", "vfork", inv, 8, 0)), o.out());
        }
        assertTrue(o.out().contains("16 runs, 0 violations"), o.out());
        assertFalse(o.out().contains("replay:"), o.out());
    }

    @Test
    void theJsonIsOneObjectWithRunsViolationsFirstFailingSeedsAndRate() {
        JsonObject j = json(Cli.run("check", smoke(), "--seeds", "3", "--jobs", "2", "--json"));
        assertEquals(3, number(j.get("runs")));
        assertEquals(0, number(obj(j, "violations").get("hang")));
        assertEquals(JsonValue.NULL, obj(j, "first_failing_seed").get("forkexit"));
        assertTrue(Double.parseDouble(((JsonValue.JsonNumber) j.get("seeds_per_s")).text()) > 0, j.toString());
    }

    @Test
    void aGuestThatHangsIsStoppedAtItsBudgetAndItsReplayReproducesTheRun() {
        Cli.Outcome o = Cli.run("check", smoke(), "--seeds", "3", "--jobs", "2", "--max-steps", "1000");
        assertEquals(1, o.status(), o::toString);
        assertTrue(o.out().contains(String.format("%-12s %-22s %8d %10d  0 (2 CPUs)", "forkexit", "hang", 3, 3)), o.out());
        String replay = replayLine(o.out());
        Cli.Outcome a = Cli.run(words(replay)), b = Cli.run(words(replay));
        assertEquals(1, a.status(), a::toString);
        assertTrue(a.out().contains("violation of hang: no end after 1000 steps"), a.out());
        assertEquals(a.out(), b.out(), "a replay is exact");
    }

    @Test
    void aPanicOfTheKernelIsAViolationWithTheMessageAndAReplayThatPanicsAgain() throws Exception {
        Path diff = Files.writeString(tmp.resolve("panic.diff"),
                TestImages.diff("kern/init_main.tk", "cpu_powerdown(0);", "\tpanic(\"checked: %u CPUs\", ncpus);"));
        Cli.Outcome o = Cli.run("check", "--config", "SMOKE", "--patch", diff.toString(), "--seeds", "2", "--jobs", "2");
        assertEquals(1, o.status(), o::toString);
        assertTrue(o.out().contains(String.format("%-12s %-22s %8d %10d  0 (2 CPUs)", "forkexit", "panic", 2, 2)), o.out());
        assertTrue(o.out().contains("panic: checked: 2 CPUs"), o.out());
        String replay = replayLine(o.out());
        // The shortest of the two failing runs: which seed that is depends on the kernel's code.
        assertTrue(replay.startsWith("tk86 replay --config SMOKE --patch " + diff + " --cpus 2 --seed "), replay);
        assertTrue(replay.matches(".* --seed [01] --schedule pct .*"), replay);
        Cli.Outcome r = Cli.run(words(replay));
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.out().contains("violation of panic: panic: checked: 2 CPUs"), r.out());
    }

    @Test
    void shardsSplitTheSeedsAndMergeAddsTheirReportsUp() throws Exception {
        String[] common = {"check", smoke(), "--seeds", "6", "--jobs", "2", "--max-steps", "1000", "--json"};
        Path a = Files.writeString(tmp.resolve("a.json"), Cli.run(with(common, "--shard", "1/2")).out());
        Path b = Files.writeString(tmp.resolve("b.json"), Cli.run(with(common, "--shard", "2/2")).out());
        JsonObject ja = (JsonObject) JsonReader.parse(Files.readString(a));
        assertEquals(3, number(ja.get("runs")));
        assertEquals(0, number(obj(ja, "first_failing_seed").get("forkexit")), "shard 1/2 holds the even seeds");
        JsonObject jb = (JsonObject) JsonReader.parse(Files.readString(b));
        assertEquals(1, number(obj(jb, "first_failing_seed").get("forkexit")), "shard 2/2 the odd ones");
        Cli.Outcome m = Cli.run("check", "--merge", a.toString(), b.toString(), "--json");
        assertEquals(1, m.status(), m::toString);
        JsonObject jm = json(m);
        assertEquals(6, number(jm.get("runs")));
        assertEquals(6, number(obj(jm, "violations").get("hang")));
        assertEquals(0, number(obj(jm, "first_failing_seed").get("forkexit")));
    }

    @Test
    void theVerdictsDoNotDependOnHowManyJobsRanThem() {
        String one = Cli.run("check", smoke(), "--seeds", "4", "--jobs", "1", "--max-steps", "20000", "--json").out();
        String two = Cli.run("check", smoke(), "--seeds", "4", "--jobs", "2", "--max-steps", "20000", "--json").out();
        assertEquals(withoutTimes(one), withoutTimes(two));
    }

    @Test
    void badInputIsOneLineAndStatusTwo() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.diff"), "--- a/sys/kern/init_main.tk\n+++ b/sys/kern/init_main.tk\n@@ -1,1 +1,1 @@\n-no such line\n+x\n");
        Path garbage = Files.writeString(tmp.resolve("g.json"), "{\"runs\": 1}");
        List<String[]> cases = List.of(
                new String[] {"check", "--config", "NOSUCH"},
                new String[] {"check", "--config", "SMOKE", "--patch", bad.toString()},
                new String[] {"check", smoke(), "--workloads", "fork exit"},
                new String[] {"check", smoke(), "--invariants", "panic,nosuch"},
                new String[] {"check", smoke(), "--seeds", "0"},
                new String[] {"check", smoke(), "--shard", "3/2"},
                new String[] {"check", smoke(), "--shard", "2/2", "--seeds", "1"},
                new String[] {"check", smoke(), "--cpus", "3-1"},
                new String[] {"check", "--merge", garbage.toString()},
                new String[] {"replay", "--config", "NOSUCH"});
        for (String[] args : cases) {
            Cli.Outcome o = Cli.run(args);
            assertEquals(2, o.status(), String.join(" ", args) + ": " + o);
            assertEquals(1, o.err().strip().lines().count(), String.join(" ", args) + ": " + o.err());
            assertTrue(o.err().startsWith("tk86: "), o.err());
        }
    }

    private static String replayLine(String out) {
        for (String l : out.split("\n")) if (l.strip().startsWith("replay: ")) return l.strip().substring("replay: ".length());
        throw new AssertionError("no replay command in:\n" + out);
    }

    /** Splits a printed command (words quoted POSIX-style with ') into the arguments after "tk86". */
    static String[] words(String command) {
        List<String> w = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false, any = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'') { quoted = !quoted; any = true; continue; }
            if (c == ' ' && !quoted) {
                if (any || cur.length() > 0) w.add(cur.toString());
                cur.setLength(0);
                any = false;
                continue;
            }
            cur.append(c);
        }
        if (any || cur.length() > 0) w.add(cur.toString());
        assertEquals("tk86", w.get(0));
        return w.subList(1, w.size()).toArray(String[]::new);
    }

    private static String[] with(String[] a, String... more) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(more));
        return l.toArray(String[]::new);
    }

    private static String withoutTimes(String json) {
        return json.replaceAll("\"seeds_per_s\":[0-9.]+", "").replaceAll("\"elapsed_s\":[0-9.]+", "");
    }
}
