package dev.tk86.isa.dev;

/**
 * The 64 Ki I/O ports. Ports nobody claims read as all ones and ignore writes, as on a PC
 * (the benchmark loops write to QEMU's and Bochs' exit ports, which tk86 does not have).
 */
public final class IoBus {
    private final PortDevice[] ports = new PortDevice[65536];
    public long unclaimedIn, unclaimedOut;

    public void addCounters(dev.tk86.isa.machine.Counters c) { c.add("io_unclaimed", unclaimedIn + unclaimedOut); }

    public void resetCounters() { unclaimedIn = unclaimedOut = 0; }

    public void attach(int first, int count, PortDevice d) {
        for (int p = first; p < first + count; p++) ports[p] = d;
    }

    public long in(int port, int size) {
        PortDevice d = ports[port & 0xFFFF];
        if (d == null) { unclaimedIn++; return size == 4 ? 0xFFFF_FFFFL : (1L << (8 * size)) - 1; }
        return d.in(port & 0xFFFF, size);
    }

    public void out(int port, int size, long value) {
        PortDevice d = ports[port & 0xFFFF];
        if (d == null) { unclaimedOut++; return; }
        d.out(port & 0xFFFF, size, value);
    }
}
