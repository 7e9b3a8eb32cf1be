package dev.tk86.kernel.lower;

import dev.tk86.kernel.typed.FormatSpec;
import dev.tk86.kernel.types.Type;
import java.util.List;

/** A printf or panic format, parsed at compile time, with the type of each argument. */
public record PrintFormat(List<FormatSpec> pieces, List<Type> argTypes, boolean panic) {}
