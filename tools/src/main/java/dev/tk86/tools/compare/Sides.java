package dev.tk86.tools.compare;

import dev.tk86.tools.BadInputException;
import dev.tk86.tools.check.ImageSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One side of a comparison, as users write it: an image file ({@code GENERIC.elf}), a
 * configuration ({@code REAPER}), or a configuration with patches ({@code DEADCOND+fix.diff}).
 */
public final class Sides {
    private Sides() { }

    public static ImageSource parse(String text) {
        if (text.isBlank()) throw new BadInputException("compare: an empty side; give an image, a configuration or CONFIG+PATCH");
        Path p = Path.of(text);
        if (Files.isRegularFile(p) && !text.contains("+")) return new ImageSource.File(p);
        String[] parts = text.split("\\+");
        List<Path> patches = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) patches.add(Path.of(parts[i]));
        return new ImageSource.Configured(parts[0], patches);
    }
}
