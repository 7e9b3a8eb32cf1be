package dev.tk86.isa.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Sparse physical memory shared by all CPUs: an array of 4 KiB frames, each allocated (zeroed)
 * the first time it is touched, so a 64 MiB machine that boots a small kernel costs a few
 * hundred KiB of host memory. Addresses at or above {@link #size()} are not RAM: reads return
 * all ones and writes are dropped, as on an unclaimed bus, and both are counted.
 *
 * <p>Frames also carry two watch marks. "Holds decoded code": the first write invalidates the
 * decoded instruction cache of that frame (self-modifying code, loading a new program).
 * "Holds paging structures": every write counts in {@link #tableWrites()}, which is what lets
 * each CPU memoise page walks (see {@code mmu.WalkCache}) and still see every change a walk
 * would see. A CPU's fast write path never covers a watched frame, so no write escapes notice.
 */
public final class PhysicalMemory {
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    public static final long PAGE_MASK = PAGE_SIZE - 1;

    public static final VarHandle LE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long size;
    private final byte[][] frames;
    private final CodeWatch[] codeWatch;
    private final boolean[] tableFrame;
    /** Frames holding a debugger's data watchpoint: every access to them takes a CPU's slow path. */
    private final boolean[] dataWatch;
    private long tableWrites;
    private WatchListener watchListener = f -> { };
    private long unbackedReads, unbackedWrites;
    private long allocated;

    /** Notified once when a frame that holds decoded code is written. */
    public interface CodeWatch { void frameWritten(long frame); }

    /** Notified when a frame becomes watched, so fast write paths that cover it can be dropped. */
    public interface WatchListener { void frameWatched(long frame); }

    public PhysicalMemory(long size) {
        if (size <= 0 || (size & PAGE_MASK) != 0 || (size >>> PAGE_SHIFT) > Integer.MAX_VALUE)
            throw new IllegalArgumentException("memory size must be a positive multiple of 4096: " + size);
        this.size = size;
        this.frames = new byte[(int) (size >>> PAGE_SHIFT)][];
        this.codeWatch = new CodeWatch[frames.length];
        this.tableFrame = new boolean[frames.length];
        this.dataWatch = new boolean[frames.length];
    }

    public void setWatchListener(WatchListener l) { watchListener = l; }

    public long size() { return size; }

    public boolean isRam(long pa) { return pa >= 0 && pa < size; }

    /** The host array of the frame holding {@code pa}, allocated on first use; null if not RAM. */
    public byte[] frame(long pa) {
        if (!isRam(pa)) return null;
        int f = (int) (pa >>> PAGE_SHIFT);
        byte[] b = frames[f];
        if (b == null) {
            b = frames[f] = new byte[PAGE_SIZE];
            allocated++;
        }
        return b;
    }

    /** Whether the frame has ever been touched (for sparse dumps and statistics). */
    public boolean isAllocated(long frameNumber) {
        return frameNumber >= 0 && frameNumber < frames.length && frames[(int) frameNumber] != null;
    }

    /** Frames touched so far (counted as they are allocated, so this costs nothing). */
    public long allocatedFrames() { return allocated; }

    // --- watch marks -------------------------------------------------------------------------

    public void watchCode(long frameNumber, CodeWatch w) {
        int f = (int) frameNumber;
        boolean was = isWatchedFrame(f);
        codeWatch[f] = w;
        if (!was) watchListener.frameWatched(f);
    }

    /** A page walk read paging structures from this frame. */
    public void markTable(long frameNumber) {
        int f = (int) frameNumber;
        if (tableFrame[f]) return;
        boolean was = isWatchedFrame(f);
        tableFrame[f] = true;
        if (!was) watchListener.frameWatched(f);
    }

    private boolean isWatchedFrame(int f) { return codeWatch[f] != null || tableFrame[f] || dataWatch[f]; }

    /**
     * Marks (or unmarks) a frame as holding a debugger's data watchpoint: CPUs then read and
     * write it only through their slow paths, which report each access (see Mmu). The caller
     * clears the CPUs' fast caches, which may still cover the frame for reading.
     */
    public void setDataWatch(long frameNumber, boolean on) {
        int f = (int) frameNumber;
        boolean was = isWatchedFrame(f);
        dataWatch[f] = on;
        if (!was && on) watchListener.frameWatched(f);
    }

    public boolean isDataWatched(long pa) { return isRam(pa) && dataWatch[(int) (pa >>> PAGE_SHIFT)]; }

    /** Whether writes to {@code pa}'s frame must go through {@link #noteWrite}. */
    public boolean isWatched(long pa) { return isRam(pa) && isWatchedFrame((int) (pa >>> PAGE_SHIFT)); }

    /** Writes so far to frames that hold paging structures. */
    public long tableWrites() { return tableWrites; }

    /** Called before any write to {@code pa}'s frame through a path that did not check marks. */
    public void noteWrite(long pa) {
        if (!isRam(pa)) return;
        int f = (int) (pa >>> PAGE_SHIFT);
        if (tableFrame[f]) tableWrites++;
        CodeWatch w = codeWatch[f];
        if (w != null) {
            codeWatch[f] = null;
            w.frameWritten(f);
        }
    }

    // --- byte-granular access (slow paths, loaders, debuggers, page walks) --------------------

    public int read8(long pa) {
        byte[] f = frame(pa);
        if (f == null) { unbackedReads++; return 0xFF; }
        return f[(int) (pa & PAGE_MASK)] & 0xFF;
    }

    public void write8(long pa, int v) {
        byte[] f = frame(pa);
        if (f == null) { unbackedWrites++; return; }
        noteWrite(pa);
        f[(int) (pa & PAGE_MASK)] = (byte) v;
    }

    /** Little-endian read of {@code size} bytes (1, 2, 4, 8), which may cross frames. */
    public long read(long pa, int size) {
        int off = (int) (pa & PAGE_MASK);
        if (off + size <= PAGE_SIZE) {
            byte[] f = frame(pa);
            if (f == null) { unbackedReads++; return size == 8 ? -1L : (1L << (size * 8)) - 1; }
            return switch (size) {
                case 1 -> f[off] & 0xFFL;
                case 2 -> (short) LE16.get(f, off) & 0xFFFFL;
                case 4 -> (int) LE32.get(f, off) & 0xFFFF_FFFFL;
                default -> (long) LE64.get(f, off);
            };
        }
        long v = 0;
        for (int i = size - 1; i >= 0; i--) v = (v << 8) | read8(pa + i);
        return v;
    }

    public void write(long pa, int size, long v) {
        int off = (int) (pa & PAGE_MASK);
        if (off + size <= PAGE_SIZE) {
            byte[] f = frame(pa);
            if (f == null) { unbackedWrites++; return; }
            noteWrite(pa);
            switch (size) {
                case 1 -> f[off] = (byte) v;
                case 2 -> LE16.set(f, off, (short) v);
                case 4 -> LE32.set(f, off, (int) v);
                default -> LE64.set(f, off, v);
            }
            return;
        }
        for (int i = 0; i < size; i++) write8(pa + i, (int) (v >>> (8 * i)));
    }

    public void load(long pa, byte[] src, int off, int len) {
        for (int i = 0; i < len; ) {
            long a = pa + i;
            byte[] f = frame(a);
            int inFrame = (int) Math.min(len - i, PAGE_SIZE - (a & PAGE_MASK));
            if (f == null) throw new IllegalArgumentException(String.format(
                    "physical range 0x%x..0x%x is outside RAM (0x%x bytes)", pa, pa + len, size));
            noteWrite(a);
            System.arraycopy(src, off + i, f, (int) (a & PAGE_MASK), inFrame);
            i += inFrame;
        }
    }

    public byte[] dump(long pa, int len) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) out[i] = (byte) read8(pa + i);
        return out;
    }

    public long unbackedReads() { return unbackedReads; }
    public long unbackedWrites() { return unbackedWrites; }
}
