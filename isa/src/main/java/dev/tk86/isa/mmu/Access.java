package dev.tk86.isa.mmu;

/** The kind of a linear-address access, for permission checks and #PF error codes. */
public enum Access { READ, WRITE, FETCH }
