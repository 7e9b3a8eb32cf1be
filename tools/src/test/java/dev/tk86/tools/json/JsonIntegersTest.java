package dev.tk86.tools.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tk86.tools.BadInputException;
import org.junit.jupiter.api.Test;

/** Register values: JSON integers or hex/decimal strings, kept as 64-bit patterns. */
class JsonIntegersTest {

    private static long read(String json) { return JsonIntegers.toLong(JsonReader.parse(json), "f"); }

    @Test
    void integersAndStringsGiveTheSameBits() {
        assertEquals(255, read("255"));
        assertEquals(255, read("\"0xff\""));
        assertEquals(255, read("\"255\""));
        assertEquals(0xffff_8000_0000_0000L, read("\"0xffff_8000_0000_0000\""));
    }

    @Test
    void theWholeSignedAndUnsignedRangeIsAccepted() {
        assertEquals(-1L, read("18446744073709551615"));
        assertEquals(-1L, read("-1"));
        assertEquals(Long.MIN_VALUE, read("-9223372036854775808"));
    }

    @Test
    void valuesOutside64BitsAreRejected() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("18446744073709551616"));
        assertEquals("f: 18446744073709551616 does not fit in 64 bits", e.getMessage());
        assertThrows(BadInputException.class, () -> read("-9223372036854775809"));
        assertThrows(BadInputException.class, () -> read("\"0x10000000000000000\""));
    }

    @Test
    void fractionsAndOtherKindsAreRejected() {
        assertEquals("f: 1.5 is not an integer", assertThrows(BadInputException.class, () -> read("1.5")).getMessage());
        assertThrows(BadInputException.class, () -> read("true"));
        assertThrows(BadInputException.class, () -> read("\"12ab\""));
        assertThrows(BadInputException.class, () -> read("\"0x\""));
    }
}
