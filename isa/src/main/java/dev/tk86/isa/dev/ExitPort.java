package dev.tk86.isa.dev;

import java.util.function.LongConsumer;

/** Port 0x501: writing a value powers the machine off with that value as its exit status. */
public final class ExitPort implements PortDevice {
    public static final int PORT = 0x501;
    private final LongConsumer powerOff;

    public ExitPort(LongConsumer powerOff) { this.powerOff = powerOff; }

    @Override public long in(int port, int size) { return 0; }

    @Override public void out(int port, int size, long value) { powerOff.accept(value); }
}
