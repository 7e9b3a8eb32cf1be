package dev.tk86.isa.cpu;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Whose rules the machine follows where Intel and AMD processors disagree inside the subset
 * (docs/isa.md, "Vendor rules"): the CPUID identification leaves, 66 on near branches,
 * F3 REX.B 90, movsxd with a 16-bit destination and a rep string instruction with a 32-bit
 * count of zero. A machine option; Intel is the default.
 */
public enum CpuVendor {
    INTEL("intel"),
    AMD("amd");

    /** The name users type ({@code --cpu-vendor intel}). */
    public final String optionName;

    CpuVendor(String optionName) { this.optionName = optionName; }

    /** The accepted names, as a usage line lists them: {@code intel, amd}. */
    public static String accepted() {
        return Arrays.stream(values()).map(v -> v.optionName).collect(Collectors.joining(", "));
    }

    /** The vendor named {@code name}; an unknown name is an {@link IllegalArgumentException} naming the accepted ones. */
    public static CpuVendor parse(String name) {
        for (CpuVendor v : values()) if (v.optionName.equals(name)) return v;
        throw new IllegalArgumentException("unknown CPU vendor '" + name + "' (accepted: " + accepted() + ")");
    }

    @Override
    public String toString() { return optionName; }
}
