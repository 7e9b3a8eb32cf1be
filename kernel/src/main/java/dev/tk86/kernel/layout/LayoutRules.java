package dev.tk86.kernel.layout;

import dev.tk86.kernel.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * SysV AMD64 psABI 3.1.2 ("Data Representation"), aggregates: each member is placed at the
 * next offset that is a multiple of its alignment; the struct's alignment is the largest
 * member alignment; its size is rounded up to a multiple of that alignment. Scalars are
 * naturally aligned (u8/i8/bool 1, u16/i16 2, u32/i32 4, u64/i64 and pointers 8); an array
 * has its element's alignment. {@code #[align(N)]} acts like GCC's {@code aligned(N)}
 * attribute: it can only raise an alignment.
 */
public final class LayoutRules {
    private LayoutRules() {}

    /** A member to place: its type and an extra alignment from {@code #[align(N)]} (0 = none). */
    public record Member(String name, Type type, long alignAttr) {}

    public static StructLayout layout(String name, List<Member> members, long structAlignAttr) {
        long offset = 0;
        long align = Math.max(1, structAlignAttr);
        List<FieldLayout> out = new ArrayList<>(members.size());
        for (Member m : members) {
            long a = Math.max(m.type().align(), m.alignAttr());
            offset = alignUp(offset, a);
            long size = m.type().size();
            out.add(new FieldLayout(m.name(), m.type(), offset, size, a));
            offset += size;
            align = Math.max(align, a);
        }
        return new StructLayout(name, alignUp(offset, align), align, List.copyOf(out));
    }

    public static long alignUp(long v, long a) { return (v + a - 1) / a * a; }
}
