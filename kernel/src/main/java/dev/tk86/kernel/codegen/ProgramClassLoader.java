package dev.tk86.kernel.codegen;

/** One per compiled program: its classes go away with it, and names never clash between programs. */
final class ProgramClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    ProgramClassLoader(ClassLoader parent) { super("tkl-program", parent); }

    Class<?> define(String internalName, byte[] bytes) {
        return defineClass(internalName.replace('/', '.'), bytes, 0, bytes.length);
    }
}
