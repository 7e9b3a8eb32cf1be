package dev.tk86.images.build;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A kernel's compile directory (OpenBSD: arch/amd64/compile/GENERIC): a private copy of the
 * kernel tree in {@code sys/} (patches apply to the copy, never to the user's tree),
 * {@code assym.h}, a {@code machine} link to {@code sys/arch/amd64/include} so assembly can
 * {@code #include <machine/asm.h>}, the preprocessed sources and objects under {@code obj/},
 * the TKL bundle and stub, and the linked kernel.
 */
record Workspace(Path dir) {
    Path sys() { return dir.resolve("sys"); }

    Path obj() { return dir.resolve("obj"); }

    Path assym() { return dir.resolve("assym.h"); }

    /** Empties {@code dir} (it must be tk86's own: a previous compile directory or a new one) and copies the tree in. */
    static Workspace create(Path dir, Path tree) throws BuildException {
        try {
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) deleteContents(dir);
            Files.createDirectories(dir);
            Workspace ws = new Workspace(dir.toAbsolutePath().normalize());
            copyTree(tree, ws.sys());
            Files.createDirectories(ws.obj());
            Path include = Path.of("sys", "arch", "amd64", "include");
            if (!Files.isDirectory(ws.dir.resolve(include)))
                throw new BuildException("the kernel tree " + tree + " has no arch/amd64/include directory", dir);
            Files.createSymbolicLink(ws.dir.resolve("machine"), include);
            return ws;
        } catch (IOException e) {
            throw new BuildException("cannot prepare the compile directory: " + e, dir);
        }
    }

    /** The tree's files below {@code root} whose names end in {@code suffix}, relative, '/'-separated, sorted. */
    List<String> sources(String suffix) throws BuildException {
        try (Stream<Path> s = Files.walk(sys())) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix))
                    .map(p -> sys().relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BuildException("cannot list the kernel tree: " + e.getMessage(), dir);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                if (a.isRegularFile()) Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) if (!p.equals(dir)) Files.delete(p);
        }
    }

    /** Removes the whole directory (after a successful build into a temporary one). */
    static void delete(Path dir) {
        try {
            if (Files.exists(dir)) {
                deleteContents(dir);
                Files.delete(dir);
            }
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
