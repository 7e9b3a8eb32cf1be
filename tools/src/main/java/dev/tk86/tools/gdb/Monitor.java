package dev.tk86.tools.gdb;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.tools.debug.Condition;
import dev.tk86.tools.debug.Controller;
import dev.tk86.tools.debug.DebugException;
import dev.tk86.tools.debug.Locations;
import dev.tk86.tools.debug.MachineViews;
import dev.tk86.tools.inspect.InspectException;
import dev.tk86.tools.inspect.proc.ProcessFormat;
import dev.tk86.tools.inspect.proc.ThreadInfo;

/**
 * gdb's {@code monitor} commands (qRcmd): the machine's views (tlb, pt, ps, cpu_info, msr) on
 * the Hg CPU, the physical memory mode, stepping into interrupts, and breakpoints limited to
 * one address space (by %cr3 or by pid), which a hardware debug register cannot express.
 */
final class Monitor {
    private final GdbSession session;
    private final Controller controller;
    private final Locations locations;

    Monitor(GdbSession session, Controller controller) {
        this.session = session;
        this.controller = controller;
        this.locations = new Locations(controller.target());
    }

    static final String HELP = """
            tk86 monitor commands (on the CPU selected with Hg, i.e. gdb's current thread):
              tlb                    the TLB entries
              pt VA                  the page walk of VA: every level's entry and flags
              ps                     the kernel's threads
              cpu_info               the CPU's struct cpu_info
              msr N                  an MSR, as rdmsr reads it
              regs | cr              registers, control registers
              phys on|off            m/M packets use physical addresses (default off)
              step-irq on|off        single steps go into timer/IPI handlers (default off)
              break-cr3 CR3 ADDR     a breakpoint at ADDR only in the address space CR3
              break-pid PID ADDR     a breakpoint at ADDR only in PID's address space
            """;

    /** The command's output (a line ending in newline); errors are output too, one line. */
    String run(String line) {
        String[] w = line.strip().split("\\s+");
        Cpu cpu = session.generalCpu();
        try {
            return switch (w[0]) {
                case "", "help" -> HELP;
                case "tlb" -> MachineViews.tlb(cpu);
                case "pt" -> MachineViews.pageWalk(cpu, locations.number(arg(w, 1, "pt VA"), cpu));
                case "ps" -> ProcessFormat.text(controller.target().inspector().cpu(cpu.id).threads());
                case "cpu_info" -> controller.target().inspector().cpu(cpu.id).print("*curcpu()") + "\n";
                case "msr" -> MachineViews.msr(cpu, (int) locations.number(arg(w, 1, "msr N"), cpu));
                case "regs" -> MachineViews.registers(cpu);
                case "cr" -> MachineViews.controlRegisters(cpu);
                case "phys" -> onOff(w, "phys", session::setPhysical);
                case "step-irq" -> onOff(w, "step-irq", controller::setStepIntoInterrupts);
                case "break-cr3" -> breakIn(cpu, locations.number(arg(w, 1, "break-cr3 CR3 ADDR"), cpu), arg(w, 2, "break-cr3 CR3 ADDR"), "cr3");
                case "break-pid" -> breakIn(cpu, cr3OfPid(cpu, arg(w, 1, "break-pid PID ADDR")), arg(w, 2, "break-pid PID ADDR"), "pid " + w[1]);
                default -> "unknown monitor command '" + w[0] + "'; expected one of: tlb pt ps cpu_info msr regs cr phys step-irq break-cr3 break-pid (monitor help)\n";
            };
        } catch (DebugException | InspectException e) {
            return e.getMessage() + "\n";
        }
    }

    private static String arg(String[] w, int i, String usage) {
        if (i >= w.length) throw new DebugException("missing an argument; expected " + usage);
        return w[i];
    }

    private static String onOff(String[] w, String name, java.util.function.Consumer<Boolean> set) {
        String v = arg(w, 1, name + " on|off");
        if (!v.equals("on") && !v.equals("off")) throw new DebugException(name + ": expected on or off, got '" + v + "'");
        set.accept(v.equals("on"));
        return name + " " + v + "\n";
    }

    private String breakIn(Cpu cpu, long cr3, String where, String what) {
        long addr = controller.target().address(where).orElseGet(() -> locations.number(where, cpu));
        var b = controller.breakpoints().add(where + " (" + what + ")", addr, cpu, Condition.addressSpace(cr3), false);
        return String.format("breakpoint %d at 0x%x, only where %%cr3 = 0x%x%n", b.number(), addr, cr3);
    }

    /** The PML4 address of a pid's address space: its first thread's pcb_cr3. */
    private long cr3OfPid(Cpu cpu, String pidText) {
        Long pid = Locations.parseNumber(pidText);
        if (pid == null) throw new DebugException("break-pid: '" + pidText + "' is not a pid");
        var view = controller.target().inspector().cpu(cpu.id);
        for (ThreadInfo t : view.threads())
            if (t.pid() == pid) return view.reader().scalar(view.evaluate(String.format("((0x%x as *proc)->p_addr as *pcb)->pcb_cr3", t.address())));
        throw new DebugException("break-pid: no process " + pid + " (see monitor ps)");
    }
}
