package dev.tk86.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the image build finds its inputs in a tk86 checkout: kernel configurations and the
 * linker script in {@code images/conf}, the kernel tree in {@code kernel/sys}.
 */
public record SourceLayout(Path root) {
    /** Kernel configurations are the files of images/conf named like OpenBSD's: GENERIC, SMOKE, GENERIC.MP. */
    private static final Pattern CONFIG_NAME = Pattern.compile("[A-Z][A-Z0-9_.-]*");

    public SourceLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path confDir() { return root.resolve("images/conf"); }

    public Path tree() { return root.resolve("kernel/sys"); }

    public Path ldScript() { return confDir().resolve("ld.script"); }

    /** Where {@code mvn package} (and the launcher's build) puts the default images. */
    public Path defaultImageDir() { return root.resolve("images/target/images"); }

    public static boolean isConfigName(String fileName) { return CONFIG_NAME.matcher(fileName).matches(); }

    /** A configuration by name (GENERIC: images/conf/GENERIC) or by path (anything with a '/', or an existing file). */
    public Path config(String nameOrPath) {
        Path p = Path.of(nameOrPath);
        if (nameOrPath.contains("/") || Files.isRegularFile(p)) return p;
        return confDir().resolve(nameOrPath);
    }

    /** The configurations {@code mvn package} builds: every config-named file of images/conf, sorted. */
    public List<String> defaultConfigs() throws IOException {
        try (Stream<Path> s = Files.list(confDir())) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(SourceLayout::isConfigName)
                    .sorted().toList();
        }
    }

    /**
     * The checkout: the {@code tk86.home} system property (the launcher sets it), else the
     * nearest directory at or above the working directory that holds images/conf and kernel/sys.
     */
    public static SourceLayout locate() {
        String home = System.getProperty("tk86.home");
        if (home != null) return new SourceLayout(Path.of(home));
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("images/conf")) && Files.isDirectory(d.resolve("kernel/sys"))) return new SourceLayout(d);
        }
        return new SourceLayout(Path.of(""));
    }
}
