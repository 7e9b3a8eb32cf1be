package dev.tk86.kernel.bundle;

import dev.tk86.kernel.diag.SourceFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads every {@code *.tk} file under a kernel tree (e.g. kernel/sys), named by its '/'-separated relative path. */
public final class SourceTree {
    private SourceTree() {}

    public static List<SourceFile> load(Path root) throws IOException {
        List<Path> paths;
        try (Stream<Path> s = Files.walk(root)) {
            paths = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".tk")).sorted().toList();
        }
        List<SourceFile> out = new ArrayList<>();
        for (Path p : paths) {
            String rel = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString();
            } catch (CharacterCodingException e) {
                throw new IOException(rel + ": not valid UTF-8");
            }
            out.add(new SourceFile(rel, text));
        }
        out.sort(null);
        return out;
    }
}
