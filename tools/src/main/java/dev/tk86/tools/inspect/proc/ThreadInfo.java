package dev.tk86.tools.inspect.proc;

/**
 * One thread (struct proc) as ps shows it. Fields the kernel does not have read as -1 (or an
 * empty command); {@code cpu} is the CPU whose {@code ci_curproc} it is, or -1.
 *
 * @param address the struct proc's kernel address
 * @param state   the name of {@code p_stat} from the kernel's S* constants, or its number
 */
public record ThreadInfo(long address, long pid, long tid, String command, long stat, String state, int cpu,
                         long flags, long wchan) { }
