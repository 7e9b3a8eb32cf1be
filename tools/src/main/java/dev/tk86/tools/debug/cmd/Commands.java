package dev.tk86.tools.debug.cmd;

/** Every command of the debugger, family by family. */
final class Commands {
    private Commands() { }

    static CommandTable table() {
        CommandTable t = new CommandTable();
        RunCommands.register(t);
        BreakCommands.register(t);
        DataCommands.register(t);
        KernelCommands.register(t);
        SessionCommands.register(t);
        return t;
    }
}
