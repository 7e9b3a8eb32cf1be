package dev.tk86.tools.x86;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tk86.tools.BadInputException;
import org.junit.jupiter.api.Test;

class HexTest {

    @Test
    void pairsOfDigitsAreBytesAndSpacesAreIgnored() {
        assertArrayEquals(new byte[] {0x48, 0x01, (byte) 0xd8}, Hex.parse("48 01 D8", "x"));
        assertEquals("4801d8", Hex.format(new byte[] {0x48, 0x01, (byte) 0xd8}));
        assertEquals("48 01 d8", Hex.format(new byte[] {0x48, 0x01, (byte) 0xd8}, 0, 3, " "));
    }

    @Test
    void malformedHexIsRejectedWithWhereAndWhy() {
        assertEquals("x: odd number of hex digits (3): each byte needs two",
                assertThrows(BadInputException.class, () -> Hex.parse("480", "x")).getMessage());
        assertEquals("x: 'g' at position 2 is not a hex digit",
                assertThrows(BadInputException.class, () -> Hex.parse("4g", "x")).getMessage());
        assertEquals("x: no bytes given", assertThrows(BadInputException.class, () -> Hex.parse(" ", "x")).getMessage());
    }
}
