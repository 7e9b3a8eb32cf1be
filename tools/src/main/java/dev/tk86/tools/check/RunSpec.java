package dev.tk86.tools.check;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.PctParameters;
import dev.tk86.isa.machine.Schedule;
import dev.tk86.tools.boot.BootOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a check: a workload on a machine with a seed, under the PCT schedule. Together
 * with the kernel it decides the run completely, so {@link #replayCommand} reproduces it.
 *
 * @param machine  the machine besides the seed (CPUs, memory, quantum, PCT parameters, vendor)
 * @param workload    the workload's name, for tables
 * @param commandLine the kernel's command line ({@code workload=NAME key=value ...})
 * @param maxSteps    the step budget; a run that uses it up is a hang
 */
public record RunSpec(ImageSource kernel, MachineConfig machine, String workload, String commandLine, long maxSteps) {
    /** A run of workload {@code workload} with its default parameters. */
    public static RunSpec of(ImageSource kernel, MachineConfig machine, String workload, long maxSteps) {
        return new RunSpec(kernel, machine, workload, "workload=" + workload, maxSteps);
    }

    public long seed() { return machine.seed(); }

    public int cpus() { return machine.cpus(); }

    public BootOptions bootOptions() { return new BootOptions(machine, commandLine(), maxSteps); }

    /** The one-line command that replays this run with the monitors on. */
    public String replayCommand() {
        List<String> w = new ArrayList<>(List.of("tk86", "replay"));
        w.addAll(kernel.replayArguments());
        PctParameters p = machine.pct();
        w.addAll(List.of("--cpus", String.valueOf(machine.cpus()), "--seed", String.valueOf(machine.seed()),
                "--schedule", scheduleName(machine.schedule()), "--quantum", String.valueOf(machine.quantum())));
        if (machine.schedule() == Schedule.PCT)
            w.addAll(List.of("--pct-depth", String.valueOf(p.depth()), "--pct-horizon", String.valueOf(p.horizon())));
        if (machine.memoryBytes() != MachineConfig.DEFAULT_MEMORY) w.addAll(List.of("--memory", (machine.memoryBytes() >> 20) + "M"));
        if (machine.vendor() != MachineConfig.defaults().vendor())
            w.addAll(List.of("--cpu-vendor", machine.vendor().name().toLowerCase(java.util.Locale.ROOT)));
        w.addAll(List.of("--max-steps", String.valueOf(maxSteps), "--cmdline", commandLine()));
        StringBuilder s = new StringBuilder();
        for (String word : w) {
            if (s.length() > 0) s.append(' ');
            s.append(quote(word));
        }
        return s.toString();
    }

    private static String scheduleName(Schedule s) {
        return switch (s) {
            case ROUND_ROBIN -> "rr";
            case RANDOM -> "random";
            case PCT -> "pct";
        };
    }

    /** Quotes a word for a POSIX shell when it needs it. */
    static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0)) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
