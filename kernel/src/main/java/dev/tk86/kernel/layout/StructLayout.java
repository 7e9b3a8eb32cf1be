package dev.tk86.kernel.layout;

import java.util.List;
import java.util.Optional;

/**
 * The SysV x86-64 layout of one struct: members in declaration order with their offsets, the
 * total size (a multiple of the alignment, including tail padding) and the alignment.
 */
public record StructLayout(String name, long size, long align, List<FieldLayout> fields) {

    public Optional<FieldLayout> field(String fieldName) {
        for (FieldLayout f : fields) if (f.name().equals(fieldName)) return Optional.of(f);
        return Optional.empty();
    }

    /**
     * Late-bound holder: a struct type exists (and can be pointed to) before its layout is
     * computed, because struct declarations may refer to each other in any order.
     */
    public static final class Ref {
        private StructLayout layout;

        public StructLayout get() {
            if (layout == null) throw new IllegalStateException("struct layout asked for before it was computed");
            return layout;
        }

        public boolean isSet() { return layout != null; }

        public void set(StructLayout l) {
            if (layout != null) throw new IllegalStateException("struct layout computed twice: " + l.name());
            layout = l;
        }
    }
}
