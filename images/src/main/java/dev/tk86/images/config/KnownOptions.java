package dev.tk86.images.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options a kernel tree declares in {@code conf/options} (one {@code option NAME} line each,
 * {@code #} comments), the way OpenBSD's sys/conf/files declares its flags. A configuration may
 * enable only these, and TKL's option(NAME) may test only these.
 */
public record KnownOptions(Map<String, String> descriptions) {
    public static final String FILE = "conf/options";

    public KnownOptions {
        descriptions = Collections.unmodifiableMap(new LinkedHashMap<>(descriptions));
    }

    public Set<String> names() { return descriptions.keySet(); }

    public static KnownOptions read(Path tree) throws ConfigException {
        Path file = tree.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": missing: the kernel tree must declare its options there");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String doc = hash >= 0 ? line.substring(hash + 1).strip() : "";
            List<String> words = words(hash >= 0 ? line.substring(0, hash) : line);
            if (words.isEmpty()) continue;
            String where = FILE + ":" + (i + 1) + ": ";
            if (!words.get(0).equals("option") || words.size() != 2)
                throw new ConfigException(where + "expected 'option NAME', found '" + line.strip() + "'");
            String name = words.get(1);
            if (!ConfigParser.isOptionName(name))
                throw new ConfigException(where + "'" + name + "' is not an option name (letters, digits and _, starting with a letter)");
            if (out.put(name, doc) != null) throw new ConfigException(where + "option " + name + " is declared twice");
        }
        return new KnownOptions(out);
    }

    static List<String> words(String s) {
        List<String> w = new ArrayList<>();
        for (String t : s.strip().split("\\s+")) if (!t.isEmpty()) w.add(t);
        return w;
    }
}
