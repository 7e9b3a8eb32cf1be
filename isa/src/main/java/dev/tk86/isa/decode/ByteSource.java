package dev.tk86.isa.decode;

/**
 * Where the decoder reads instruction bytes from. Bytes are asked for one at a time and only
 * as far as the instruction really extends, so an instruction that ends exactly at a page
 * boundary never touches (and never faults on) the next page. A guest-memory source may throw
 * {@link dev.tk86.isa.fault.GuestFault} (a #PF on fetch); an array source throws
 * {@link DecodeException} with {@link DecodeException.Kind#TRUNCATED} past its end.
 */
@FunctionalInterface
public interface ByteSource {
    /** The byte at {@code offset} from the instruction start, 0..255. */
    int byteAt(int offset);

    static ByteSource of(byte[] bytes, int start, int end) {
        return offset -> {
            int i = start + offset;
            if (offset < 0 || i >= end) throw new DecodeException(DecodeException.Kind.TRUNCATED, offset,
                    "instruction truncated after " + (end - start) + " byte(s)");
            return bytes[i] & 0xFF;
        };
    }
}
