package dev.tk86.images.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.images.support.TestBuilds;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A configuration's options reach both halves of the kernel (images/conf/README.md): as
 * {@code -DNAME} for cpp on locore.S, and as option(NAME) for TKL. GENERIC enables DIAGNOSTIC,
 * SMOKE does not.
 */
class OptionsReachBothLanguagesTest {
    private static String disassemble(String config, String function) {
        TestBuilds.Output r = TestBuilds.run(List.of("objdump", "-d", "--disassemble=" + function, TestBuilds.image(config).image().toString()));
        assertEquals(0, r.status(), r.out());
        return r.out();
    }

    @Test
    void diagnosticAddsLocoresCpuInfoCheck() {
        assertTrue(disassemble("GENERIC", "cpu_spinup_entry").contains("ud2"));
        assertFalse(disassemble("SMOKE", "cpu_spinup_entry").contains("ud2"));
    }

    @Test
    void diagnosticAddsTklCodeAndGenassymSaysWhichOptions() {
        String generic = TestBuilds.read(TestBuilds.image("GENERIC").workDir().resolve("assym.h"));
        String smoke = TestBuilds.read(TestBuilds.image("SMOKE").workDir().resolve("assym.h"));
        assertTrue(generic.contains("options: DIAGNOSTIC REAPER."), generic);
        assertTrue(smoke.contains("options: (none)."), smoke);
        // The TKL function is compiled in both, but only GENERIC's pmap_bootstrap has the
        // statements that call it: one byte per site, so its symbol is larger.
        TestBuilds.Output g = TestBuilds.run(List.of("readelf", "-s", "-W", TestBuilds.image("GENERIC").image().toString()));
        TestBuilds.Output s = TestBuilds.run(List.of("readelf", "-s", "-W", TestBuilds.image("SMOKE").image().toString()));
        assertTrue(size(g.out(), "pmap_bootstrap") > size(s.out(), "pmap_bootstrap"), g.out() + s.out());
    }

    /** st_size of a symbol in readelf -s output. */
    private static long size(String readelf, String name) {
        for (String l : readelf.lines().toList()) {
            String[] f = l.trim().split("\\s+");
            if (f.length >= 8 && f[7].equals(name)) return Long.parseLong(f[2]);
        }
        throw new AssertionError(name + " not in\n" + readelf);
    }
}
