package dev.tk86.kernel.runtime;

import java.util.Optional;

/** The image's symbol table as the binder needs it: a defined symbol's value and size, by name. */
@FunctionalInterface
public interface ImageSymbols {
    record Symbol(long value, long size) {}

    Optional<Symbol> lookup(String name);
}
