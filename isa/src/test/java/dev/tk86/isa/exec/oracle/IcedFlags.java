package dev.tk86.isa.exec.oracle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Which status flags an instruction leaves undefined, from iced's instruction-info test data
 * (src/test/resources/iced/instruction-info64.txt, MIT licence, see LICENSE.txt there): its
 * {@code fu=} field lists them per instruction code. That file is the independent source of
 * the differential test's flag masks, so tk86's own choices for undefined flags are never
 * what decides what gets compared.
 *
 * <p>Shifts and rotates by an immediate differ by count (0: no flags; 1: OF defined; more: OF
 * undefined), and iced has one row per class (immediates 0, 1, 2); those rows are kept apart.
 */
final class IcedFlags {
    static final long CF = 1, PF = 1 << 2, AF = 1 << 4, ZF = 1 << 6, SF = 1 << 7, OF = 1 << 11;

    /** code -> undefined mask, and code + "#" + count class -> mask for immediate shift rows. */
    private final Map<String, Long> undefined = new HashMap<>();

    private IcedFlags() { }

    static IcedFlags load() {
        IcedFlags f = new IcedFlags();
        try (InputStream in = IcedFlags.class.getResourceAsStream("/iced/instruction-info64.txt")) {
            if (in == null) throw new AssertionError("iced/instruction-info64.txt is missing from the test resources");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) f.parse(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    private void parse(String line) {
        if (line.isEmpty() || line.startsWith("#")) return;
        String[] parts = line.split(", ", 5);
        if (parts.length < 4) return;
        String code = parts[1];
        long mask = 0;
        if (parts.length == 5) {
            for (String token : parts[4].split(" ")) if (token.startsWith("fu=")) mask = letters(token.substring(3));
        }
        undefined.merge(code, mask, (a, b) -> a | b);
        if (code.endsWith("_imm8") && isShift(code)) {
            String[] hex = parts[0].trim().split(" ");
            int imm = Integer.parseInt(hex[hex.length - 1], 16);
            undefined.merge(code + "#" + Math.min(imm, 2), mask, (a, b) -> a | b);
        }
    }

    private static boolean isShift(String code) {
        return code.startsWith("Shl_") || code.startsWith("Shr_") || code.startsWith("Sar_") || code.startsWith("Sal_")
                || code.startsWith("Rol_") || code.startsWith("Ror_");
    }

    private static long letters(String s) {
        long m = 0;
        for (char ch : s.toCharArray()) {
            m |= switch (ch) {
                case 'c' -> CF;
                case 'p' -> PF;
                case 'a' -> AF;
                case 'z' -> ZF;
                case 's' -> SF;
                case 'o' -> OF;
                default -> 0L;
            };
        }
        return m;
    }

    /** The RFLAGS bits {@code code} leaves undefined; {@code countClass} >= 0 picks an immediate shift's row. */
    long undefined(String code, int countClass) {
        Long m = countClass >= 0 ? undefined.get(code + "#" + countClass) : null;
        if (m == null) m = undefined.get(code);
        if (m == null) throw new IllegalArgumentException("iced has no instruction code " + code);
        return m;
    }
}
