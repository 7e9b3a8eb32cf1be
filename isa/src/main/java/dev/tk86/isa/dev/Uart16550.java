package dev.tk86.isa.dev;

/**
 * A 16550-lite at 0x3F8..0x3FF: transmit goes to the console immediately, the line status
 * register always reports "transmitter empty" and no received data, the other registers just
 * hold what was written. Enough for a kernel's polled serial console.
 */
public final class Uart16550 implements PortDevice {
    public static final int COM1 = 0x3F8;
    private final Console console;
    private final int[] regs = new int[8];

    /** Power-on: every register zero. */
    public void reset() { java.util.Arrays.fill(regs, 0); }

    public Uart16550(Console console) { this.console = console; }

    @Override
    public long in(int port, int size) {
        int r = port - COM1;
        boolean dlab = (regs[3] & 0x80) != 0;
        return switch (r) {
            case 0 -> dlab ? regs[0] : 0;     // RBR: nothing received
            case 2 -> 0x01;                   // IIR: no interrupt pending
            case 5 -> 0x60;                   // LSR: THR empty, transmitter empty, no data ready
            case 6 -> 0xB0;                   // MSR: CTS, DSR, DCD
            default -> regs[r];
        };
    }

    @Override
    public void out(int port, int size, long value) {
        int r = port - COM1;
        boolean dlab = (regs[3] & 0x80) != 0;
        if (r == 0 && !dlab) console.put((int) value);
        else regs[r] = (int) value & 0xFF;
    }
}
