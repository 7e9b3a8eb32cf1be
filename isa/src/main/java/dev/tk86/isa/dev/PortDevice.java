package dev.tk86.isa.dev;

/** A device on the I/O port bus. Sizes are 1, 2 or 4 bytes. */
public interface PortDevice {
    long in(int port, int size);
    void out(int port, int size, long value);
}
