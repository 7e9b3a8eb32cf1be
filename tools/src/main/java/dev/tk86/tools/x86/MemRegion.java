package dev.tk86.tools.x86;

/** Bytes at an address: preloaded before a snippet runs, dumped after it. */
public record MemRegion(long address, byte[] bytes) {
    public long end() { return address + bytes.length; }

    public boolean overlaps(long start, long endExclusive) {
        return Long.compareUnsigned(address, endExclusive) < 0 && Long.compareUnsigned(start, end()) < 0;
    }
}
