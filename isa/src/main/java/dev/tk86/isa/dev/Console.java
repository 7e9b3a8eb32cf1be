package dev.tk86.isa.dev;

import java.util.function.IntConsumer;

/**
 * The machine's console: everything the guest writes to port 0xE9 (Bochs' debug port) or to
 * the 16550's transmit register lands here, in order, and is passed on to a listener (the
 * command line prints it as it is written).
 */
public final class Console implements PortDevice {
    private final StringBuilder text = new StringBuilder();
    private IntConsumer listener = b -> { };

    public void setListener(IntConsumer l) { listener = l; }

    public void put(int b) {
        text.append((char) (b & 0xFF));
        listener.accept(b & 0xFF);
    }

    public String text() { return text.toString(); }

    /** Forgets what was written (a machine reset); the listener stays. */
    public void reset() { text.setLength(0); }

    @Override public long in(int port, int size) { return 0xE9; } // Bochs: reading 0xE9 returns 0xE9

    @Override public void out(int port, int size, long value) { put((int) value); }
}
