package dev.tk86.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.kernel.testing.TklImage;
import dev.tk86.kernel.testing.TklMachine;
import org.junit.jupiter.api.Test;

/**
 * The runtime is bound to .text.tkl's physical frames (Machine.delegate), so TKL code reached
 * through another virtual mapping of the same frames runs too: its sites are found by
 * physical offset, and the addresses it computes (the next site, the return site it pushes)
 * stay in the mapping the caller used.
 */
class AliasTest {
    static final String PROGRAM = """
            var ret_site: u64;
            fn twice(x: u64) -> u64 {
                ret_site = *(((&x as u64) + 16) as *u64); // x is at rbp - 8, the return address at rbp + 8
                let y = x * 2;
                return y;
            }
            fn main() -> u64 {
                return twice(21);
            }
            """;

    @Test
    void tklCodeRunsThroughAnotherMappingOfItsFrames() {
        TklMachine m = new TklMachine(TklImage.of("alias.tk", PROGRAM).build());
        long textPage = m.runtime.text().virtualStart() & ~0xFFFL;
        long physPage = m.runtime.text().physicalStart() & ~0xFFFL;
        long alias = 0x0000_4000_0000_0000L;
        for (long off = 0; off <= m.runtime.text().size() + 4096; off += 4096) m.tables.map4k(alias + off, physPage + off, 0);
        Cpu c = m.cpu();
        c.mmu.flushAll();
        long mainAlias = alias + (m.symbol("main") - textPage);
        c.push64(m.symbol("harness_return"));
        c.rip = mainAlias;
        var r = m.machine.run(TklMachine.STEPS);
        m.expectPowerOff(r);
        assertEquals(42, m.result());
        assertEquals(mainAlias + 2, m.global("ret_site", 8), "main's call step is its site 1, the return site it pushed site 2, in the alias");
    }
}
