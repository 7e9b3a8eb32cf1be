package dev.tk86.tools.bench;

import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.tools.ToolFailureException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command a user runs to boot an image: the launcher {@code ./tk86 boot --cpu-vendor V IMAGE} when tk86
 * runs from a checkout's launcher (its start-up is part of what a user waits for); otherwise
 * this process's own java with its JVM flags, as {@code java -jar tk86.jar boot IMAGE} or,
 * outside the jar (tests), {@code java -cp CLASSPATH dev.tk86.tools.cli.Main boot IMAGE}.
 */
public final class BootBenchCommandLine {
    private BootBenchCommandLine() { }

    public static List<String> of(Path image, CpuVendor vendor) {
        List<String> boot = List.of("boot", "--cpu-vendor", vendor.optionName, image.toString());
        String home = System.getProperty("tk86.home");
        if (home != null) {
            Path launcher = Path.of(home, "tk86");
            if (Files.isExecutable(launcher)) {
                List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
                cmd.addAll(boot);
                return cmd;
            }
        }
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new ToolFailureException("cannot tell which java runs tk86; run bench boot through ./tk86"));
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        Path jar = ownJar();
        if (jar != null) cmd.addAll(List.of("-jar", jar.toString()));
        else cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.tk86.tools.cli.Main"));
        cmd.addAll(boot);
        return cmd;
    }

    /** The jar this class was loaded from, or null (classes in a directory). */
    private static Path ownJar() {
        try {
            Path p = Path.of(BootBenchCommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
