package dev.tk86.images.build;

import dev.tk86.images.SourceLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the default set of images, every configuration of images/conf, into one directory:
 * what {@code mvn package} runs in the images module (exec-maven-plugin), and what the
 * launcher's first build therefore produces.
 *
 * <pre>DefaultImages --root CHECKOUT --out DIR --work DIR [NAME...]</pre>
 * writes DIR/NAME.elf for each configuration (all of them when none is named), compiling in
 * the work directory's NAME/ subdirectory. Errors go to stderr one per line; the exit status
 * is 1 when a kernel does not build, 2 for bad arguments.
 */
public final class DefaultImages {
    private DefaultImages() { }

    public static void main(String[] args) {
        int status = run(args);
        if (status != 0) System.exit(status);
    }

    static int run(String[] args) {
        Path root = null, out = null, work = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--root") || a.equals("--out") || a.equals("--work")) {
                if (i + 1 >= args.length) return usage(a + " needs a directory");
                Path p = Path.of(args[++i]);
                if (a.equals("--root")) root = p; else if (a.equals("--out")) out = p; else work = p;
            } else if (a.startsWith("-")) {
                return usage("unknown option " + a);
            } else {
                names.add(a);
            }
        }
        if (root == null || out == null || work == null) return usage("--root, --out and --work are required");
        SourceLayout layout = new SourceLayout(root);
        try {
            if (names.isEmpty()) names = layout.defaultConfigs();
        } catch (IOException e) {
            System.err.println("images: cannot list " + layout.confDir() + ": " + e.getMessage());
            return 1;
        }
        if (names.isEmpty()) {
            System.err.println("images: no kernel configurations in " + layout.confDir());
            return 1;
        }
        for (String name : names) {
            BuildRequest r = new BuildRequest(layout.config(name), layout.tree(), layout.ldScript(), out.resolve(name + ".elf"),
                    List.of(), work.resolve(name));
            try {
                BuildResult b = ImageBuild.build(r);
                System.out.println("images: " + name + " -> " + b.image() + " (" + b.bytes() + " bytes)");
                for (String w : b.warnings()) System.out.println("images: " + name + ": " + w);
            } catch (BuildException e) {
                System.err.println("images: " + e.headline());
                for (String line : e.errors()) System.err.println(line);
                return 1;
            }
        }
        return 0;
    }

    private static int usage(String problem) {
        System.err.println("images: " + problem + " (usage: DefaultImages --root CHECKOUT --out DIR --work DIR [NAME...])");
        return 2;
    }
}
