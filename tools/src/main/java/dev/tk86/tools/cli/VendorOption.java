package dev.tk86.tools.cli;

import dev.tk86.isa.cpu.CpuVendor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --cpu-vendor intel|amd}: whose rules the machine's CPUs follow where Intel and AMD
 * differ (docs/isa.md, "Vendor rules"). Every command that builds a machine or decodes mixes
 * it in ({@code @Mixin VendorOption vendor;}), so they all spell and check it the same way.
 */
public final class VendorOption {
    @Option(names = "--cpu-vendor", paramLabel = "intel|amd", converter = Converter.class,
            description = "whose rules the CPUs follow where Intel and AMD differ, docs/isa.md (default: intel)")
    CpuVendor vendor = CpuVendor.INTEL;

    public CpuVendor vendor() { return vendor; }

    /** An unknown name is one line naming the accepted ones (exit status 2, as every bad option). */
    static final class Converter implements ITypeConverter<CpuVendor> {
        @Override public CpuVendor convert(String value) {
            try {
                return CpuVendor.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
