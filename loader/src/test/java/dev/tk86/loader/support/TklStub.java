package dev.tk86.loader.support;

import dev.tk86.isa.machine.Machine;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.tkl.TklProgram;
import dev.tk86.loader.tkl.TklProgramLoader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A TEST-ONLY TklProgramLoader standing in for the TKL runtime: it accepts a program that
 * starts with the 8-byte header "TKLSTUB1" followed by at least 8 bytes, remembers what the
 * loader handed it, and rejects anything else the way the real runtime must (an
 * ImageException starting with ".tkl: "). It compiles nothing.
 */
public final class TklStub implements TklProgramLoader {
    public static final byte[] MAGIC = "TKLSTUB1".getBytes(StandardCharsets.US_ASCII);

    public TklProgram bound;
    public Machine machine;

    @Override
    public void bind(TklProgram program, Machine m) throws ImageException {
        byte[] b = program.bytes();
        if (b.length < 16 || !Arrays.equals(b, 0, 8, MAGIC, 0, 8))
            throw ImageException.of(".tkl: not a TKL program (no TKLSTUB1 header in its first 8 of %d bytes)", b.length);
        bound = program;
        machine = m;
    }
}
