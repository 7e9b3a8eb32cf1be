package dev.tk86.isa.decode;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The iced x86 decoder's own test vectors (MIT; src/test/resources/iced, see its README and
 * LICENSE.txt): its GAS formatter output, its ModRM/SIB memory-operand decomposition and its
 * prefix edge cases, decoded by tk86.
 */
class IcedVectorsTest {

    /**
     * iced codes in formatter-gas-subset64.txt that share a mnemonic with the subset but are not
     * in it: tk86 must reject them.
     */
    private static final List<String> NOT_IN_SUBSET = List.of(
            "Call_m16", "Jmp_m16",                // far call/jmp through memory
            "Jecxz_", "Jrcxz_", "Leave",            // jrcxz, leave
            "Mov_r64_dr", "Mov_dr_r64",             // debug registers
            "Movsd_xmm",                            // SSE movsd
            "Popcnt_", "Pushq_FS", "Pushw_FS", "Pushq_GS", "Pushw_GS", "Popq_FS", "Popw_FS", "Popq_GS", "Popw_GS",
            "Rdmsrlist", "Wrmsrlist", "Wrmsrns", "Rdtscp",
            "Sal_");                                // the /6 alias of shl

    private static final Pattern CONTROL_REGISTER = Pattern.compile("\\bcr(\\d+)\\b");

    static boolean inSubset(String code, String text) {
        for (String prefix : NOT_IN_SUBSET) if (code.startsWith(prefix)) return false;
        if (code.equals("Mov_r64_cr") || code.equals("Mov_cr_r64")) {
            Matcher m = CONTROL_REGISTER.matcher(text);
            m.find();
            int cr = Integer.parseInt(m.group(1));
            return cr == 0 || cr == 2 || cr == 3 || cr == 4;
        }
        return true;
    }

    @Test
    void everySubsetRowOfTheGasFormatterSetPrintsAsIcedSays() throws IOException {
        List<String> failures = new ArrayList<>();
        int subset = 0, rejected = 0;
        for (String line : lines("formatter-gas-subset64.txt")) {
            int bar = line.indexOf('|');
            String[] head = line.substring(0, bar).split(", ");
            byte[] bytes = hex(head[0]);
            String code = head[1];
            String expected = line.substring(bar + 1);
            if (!inSubset(code, expected)) {
                rejected++;
                try {
                    Insn i = decode(bytes, IcedGas.IP);
                    failures.add(line + " -> tk86 decodes an instruction outside the subset: " + AttFormatter.format(i, IcedGas.IP));
                } catch (DecodeException e) {
                    if (e.kind() == DecodeException.Kind.TRUNCATED || e.kind() == DecodeException.Kind.TOO_LONG) {
                        failures.add(line + " -> " + e.kind());
                    }
                }
                continue;
            }
            subset++;
            try {
                Insn i = decode(bytes, IcedGas.IP);
                String ours = AttFormatter.format(i, IcedGas.IP);
                String normalised = IcedGas.normalise(expected, code, i);
                if (i.length() != bytes.length || !IcedGas.sameText(normalised, ours, immBytes(i))) {
                    failures.add(line + " -> expected " + normalised + ", tk86 " + i.length() + " " + ours);
                }
            } catch (DecodeException e) {
                failures.add(line + " -> " + e.getMessage());
            }
        }
        System.out.printf("iced formatter-gas-subset64: %d subset rows checked, %d other rows rejected%n", subset, rejected);
        assertEquals(List.of(), failures);
        assertTrue(subset > 1200, "subset rows: " + subset);
    }

    /** Bytes of the immediate operand, if any: iced and Capstone print the same bits differently signed. */
    private static int immBytes(Insn i) {
        for (Operand o : i.operands()) if (o instanceof Operand.Imm imm) return Math.max(1, imm.size());
        return 8;
    }

    /**
     * decoder-memory64.txt: {@code bytes, code, register, prefix segment, (default segment),
     * base, index, log2 scale, displacement, displacement size, constant offsets}. The default
     * segment (DS or SS) has no effect in 64-bit mode and is not compared.
     */
    @Test
    void everyAddressingFormOfTheMemoryOperandSetDecomposesAsIcedSays() throws IOException {
        List<String> failures = new ArrayList<>();
        int rows = 0;
        for (String line : lines("decoder-memory64.txt")) {
            String[] f = line.split(", ");
            if (!f[1].equals("Add_rm32_r32")) continue;
            rows++;
            byte[] bytes = hex(f[0]);
            try {
                Insn i = decode(bytes, IcedGas.IP);
                String problem = memoryProblem(i, bytes.length, f);
                if (problem != null) failures.add(line + " -> " + problem);
            } catch (DecodeException e) {
                failures.add(line + " -> " + e.getMessage());
            }
        }
        System.out.printf("iced decoder-memory64: %d addressing forms checked%n", rows);
        assertEquals(List.of(), failures);
        assertTrue(rows > 6000, "rows: " + rows);
    }

    private static String memoryProblem(Insn i, int length, String[] f) {
        if (i.mnemonic() != Mnemonic.ADD || i.length() != length) return "decoded as " + i;
        Operand.Mem m = (Operand.Mem) i.operand(0);
        Operand.Reg r = (Operand.Reg) i.operand(1);
        if (!AttRegisters.gpr(r.num(), r.size()).equals(f[2])) return "register " + r;
        if (!name(m.seg(), f[3])) return "segment " + m.seg();
        String address = addressProblem(i, m, f[5], f[6], m.index() == Operand.NONE ? 1 : 1 << Integer.parseInt(f[7]), f[8], IcedGas.IP);
        if (address != null) return address;
        int encodedDispSize = Integer.parseInt(f[10].split(";")[5]);
        if (m.dispSize() != encodedDispSize) return "displacement size " + m.dispSize();
        return null;
    }

    /**
     * Base, index, scale and displacement against iced's: register names at the address size,
     * and for a RIP-relative operand iced's displacement is the target address.
     */
    private static String addressProblem(Insn i, Operand.Mem m, String base, String index, int scale, String disp, long ip) {
        int asz = m.addrSize();
        if (!registerName(m.base(), asz).equals(base)) return "base " + registerName(m.base(), asz);
        if (!registerName(m.index(), asz).equals(index)) return "index " + registerName(m.index(), asz);
        if (m.scale() != scale) return "scale " + m.scale();
        long expected = Long.parseUnsignedLong(disp.replace("0x", ""), 16);
        long ours = m.base() == Operand.RIP ? m.disp() + ip + i.length() : m.disp();
        return AttNumbers.truncate(ours, asz) == AttNumbers.truncate(expected, asz) ? null : "displacement " + Long.toHexString(ours);
    }

    private static String registerName(int num, int addrSize) {
        return num == Operand.NONE ? "none" : AttRegisters.gpr(num, addrSize);
    }

    private static boolean name(int seg, String iced) {
        return iced.equals("none") ? seg == Operand.NONE : seg != Operand.NONE && AttRegisters.SEGMENT[seg].equals(iced);
    }

    /**
     * decoder-misc64.txt: {@code bytes, code, mnemonic, operand count, details} where details are
     * {@code opN=r;reg} or {@code opN=m;seg;base;index;scale;disp;dispsize;memsize}, prefix
     * words (lock, rep, repne, es: ...), {@code co=} constant offsets and {@code ip=}; invalid rows
     * say INVALID and {@code err=NoMoreBytes} when the bytes ran out.
     */
    @Test
    void everyPrefixEdgeCaseOfTheMiscSetDecodesAsIcedSays() throws IOException {
        List<String> failures = new ArrayList<>();
        int valid = 0, invalid = 0, outside = 0;
        for (String line : lines("decoder-misc64.txt")) {
            String[] f = line.split(", ", 5);
            byte[] bytes = hex(f[0]);
            String details = f.length > 4 ? f[4] : "";
            long ip = IcedGas.IP;
            Matcher ipm = Pattern.compile("\\bip=(0x[0-9A-F]+|[0-9]+)").matcher(details);
            if (ipm.find()) ip = Long.parseUnsignedLong(ipm.group(1).replace("0x", ""), ipm.group(1).startsWith("0x") ? 16 : 10);
            Insn insn = null;
            DecodeException error = null;
            try {
                insn = decode(bytes, ip);
            } catch (DecodeException e) {
                error = e;
            }
            String problem;
            if (f[1].equals("INVALID")) {
                invalid++;
                problem = invalidProblem(bytes, details, insn, error);
            } else if (MISC_SUBSET.containsKey(f[1].substring(0, f[1].indexOf('_')))) {
                valid++;
                problem = error != null ? error.getMessage() : validProblem(insn, bytes.length, f, details, ip);
            } else {
                outside++;
                problem = insn != null ? "decoded an instruction outside the subset: " + AttFormatter.format(insn, ip)
                        : error.kind() == DecodeException.Kind.OUTSIDE_SUBSET || error.kind() == DecodeException.Kind.UNDEFINED
                        ? null : "rejected as " + error.kind();
            }
            if (problem != null) failures.add(line + " -> " + problem);
        }
        System.out.printf("iced decoder-misc64: %d valid, %d invalid, %d outside-subset rows checked%n", valid, invalid, outside);
        assertEquals(List.of(), failures);
        assertTrue(valid >= 70 && invalid >= 70 && outside >= 80, valid + "/" + invalid + "/" + outside);
    }

    /** iced mnemonic → tk86 mnemonic for the subset instructions that occur in decoder-misc64.txt. */
    private static final Map<String, Mnemonic> MISC_SUBSET = Map.of("Add", Mnemonic.ADD, "Sub", Mnemonic.SUB, "Lea", Mnemonic.LEA);

    /**
     * Ran out of bytes: TRUNCATED. Longer than 15 bytes (or 15 bytes that are not yet an
     * instruction): TOO_LONG (#GP). Otherwise (lock on cmp, mov to %cs): UNDEFINED (#UD).
     */
    private static String invalidProblem(byte[] bytes, String details, Insn insn, DecodeException error) {
        if (insn != null) return "decoded as " + insn;
        DecodeException.Kind expected = details.contains("err=NoMoreBytes") ? DecodeException.Kind.TRUNCATED
                : bytes.length >= Cursor.MAX_LENGTH ? DecodeException.Kind.TOO_LONG : DecodeException.Kind.UNDEFINED;
        return error.kind() == expected ? null : "rejected as " + error.kind() + " (" + error.getMessage() + "), expected " + expected;
    }

    private static String validProblem(Insn i, int length, String[] f, String details, long ip) {
        if (i.length() != length) return "length " + i.length();
        if (i.mnemonic() != MISC_SUBSET.get(f[2])) return "mnemonic " + i.mnemonic();
        if (i.operands().size() != Integer.parseInt(f[3])) return "operand count " + i.operands().size();
        String segment = null;
        for (String word : details.split(" ")) {
            if (word.matches("op\\d=.*")) {
                int n = word.charAt(2) - '0';
                String p = operandProblem(i, i.operand(n), word.substring(4).split(";", -1), ip);
                if (p != null) return "operand " + n + ": " + p;
            } else if (word.equals("lock") && !i.has(Insn.PREFIX_LOCK) || word.equals("rep") && !i.has(Insn.PREFIX_REP)
                    || word.equals("repne") && !i.has(Insn.PREFIX_REPNE)) {
                return "prefix " + word + " missing";
            } else if (word.matches("[a-z]s:")) {
                segment = word.substring(0, 2);
            } else if (word.startsWith("co=")) {
                int dispSize = Integer.parseInt(word.substring(3).split(";")[5]);
                Operand.Mem m = memoryOperand(i);
                if (m != null && m.dispSize() != dispSize) return "displacement size " + m.dispSize();
            }
        }
        Operand.Mem m = memoryOperand(i);
        if (m != null && !name(m.seg(), segment == null ? "none" : segment)) return "segment " + m.seg();
        return null;
    }

    private static String operandProblem(Insn i, Operand o, String[] d, long ip) {
        if (d[0].equals("r")) {
            return o instanceof Operand.Reg r && AttRegisters.gpr(r.num(), r.size()).equals(d[1]) ? null : "expected " + d[1] + ", got " + o;
        }
        if (!(o instanceof Operand.Mem m)) return "expected memory, got " + o;
        String address = addressProblem(i, m, d[2].isEmpty() ? "none" : d[2], d[3].isEmpty() ? "none" : d[3], Integer.parseInt(d[4]), d[5], ip);
        if (address != null) return address;
        int size = switch (d[7]) {
            case "UInt16" -> 2;
            case "UInt32" -> 4;
            case "UInt64" -> 8;
            default -> 0;
        };
        return m.size() == size ? null : "memory size " + m.size();
    }

    private static Operand.Mem memoryOperand(Insn i) {
        for (Operand o : i.operands()) if (o instanceof Operand.Mem m) return m;
        return null;
    }

    static Insn decode(byte[] bytes, long address) {
        return Decoder.decode(ByteSource.of(bytes, 0, bytes.length), address);
    }

    /** "26 01 CE" or "0F01 10" or "C2 5AA5": hex digits with or without spaces. */
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /** The data lines of a resource file (no blank lines, no # comments). */
    static List<String> lines(String name) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = IcedVectorsTest.class.getResourceAsStream("/iced/" + name)) {
            if (in == null) throw new IOException("missing test resource iced/" + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) out.add(line);
            }
        }
        return out;
    }
}
