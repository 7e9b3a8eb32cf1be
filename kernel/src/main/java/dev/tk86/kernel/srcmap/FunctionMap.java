package dev.tk86.kernel.srcmap;

import dev.tk86.kernel.lower.FrameSlot;
import java.util.List;
import java.util.Optional;

/**
 * One TKL function in the image: its address range (one byte per site), its sites, and the
 * layout of its frame: every parameter, local and temporary at its rbp offset. The saved
 * rbp is at rbp + 0 and the return address at rbp + 8, as in any SysV frame, so a backtrace
 * walks TKL and x86 frames alike.
 */
public record FunctionMap(String name, long start, long frameSize, List<FrameSlot> frame, List<SiteInfo> sites,
                          String file, int line) {
    public int siteCount() { return sites.size(); }

    public long end() { return start + sites.size(); }

    public boolean contains(long address) { return address - start >= 0 && address - start < sites.size(); }

    public Optional<FrameSlot> slot(String name) {
        return frame.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
