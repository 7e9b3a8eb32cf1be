package dev.tk86.tools.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.images.SourceLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tk86 boot} without IMAGE boots images/target/images/GENERIC.elf, building it first when it is missing. */
class DefaultImageTest {
    @TempDir Path root;

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Test
    void aMissingDefaultImageIsBuiltOnceThenReused() throws Exception {
        copy(TestImages.LAYOUT.tree(), root.resolve("kernel/sys"));
        copy(TestImages.LAYOUT.confDir(), root.resolve("images/conf"));
        SourceLayout layout = new SourceLayout(root);
        StringWriter err = new StringWriter();
        Path image = DefaultImage.resolve(layout, new PrintWriter(err, true));
        assertEquals(root.resolve("images/target/images/GENERIC.elf"), image);
        assertTrue(Files.size(image) > 0);
        assertTrue(err.toString().startsWith("tk86: " + image + " does not exist; building GENERIC ..."), err.toString());
        assertTrue(Files.isRegularFile(root.resolve("images/target/compile/GENERIC/assym.h")), "the compile directory is kept, as mvn package keeps it");

        StringWriter again = new StringWriter();
        assertEquals(image, DefaultImage.resolve(layout, new PrintWriter(again, true)));
        assertEquals("", again.toString());
    }
}
