package dev.tk86.images.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one host tool (cpp, as, ld, patch) in a directory and collects what it printed, stdout
 * and stderr merged in order. The build tools are required: one that is not installed is a
 * BuildException that says how to get it.
 */
final class Tool {
    private static final long TIMEOUT_SECONDS = 300;

    private Tool() { }

    /** Exit status and output (stdout and stderr interleaved) of one run. */
    record Run(int status, String output) {
        List<String> lines() { return output.lines().filter(l -> !l.isBlank()).toList(); }
    }

    static Run run(List<String> command, Path dir, Path workDir) throws BuildException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new BuildException("required tool '" + command.get(0) + "' cannot be run (" + e.getMessage()
                    + "); install " + packageOf(command.get(0)), workDir);
        }
        try {
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BuildException(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s", workDir);
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BuildException("reading the output of " + command.get(0) + ": " + e.getMessage(), workDir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildException("interrupted while running " + command.get(0), workDir);
        }
    }

    /** The Debian package that provides a tool, for the error message. */
    static String packageOf(String tool) {
        return switch (tool) {
            case "cpp" -> "cpp (apt-get install cpp)";
            case "patch" -> "GNU patch (apt-get install patch)";
            default -> "GNU binutils (apt-get install binutils)";
        };
    }
}
