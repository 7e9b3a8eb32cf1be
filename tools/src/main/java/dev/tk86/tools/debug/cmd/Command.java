package dev.tk86.tools.debug.cmd;

/** One debugger command: {@code args} is the rest of the line after its name. */
@FunctionalInterface
public interface Command {
    void run(Session session, String args);
}
