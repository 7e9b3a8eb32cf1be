package dev.tk86.tools.debug.cmd;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.tools.debug.Controller;
import dev.tk86.tools.debug.DebugException;
import dev.tk86.tools.debug.DebugTarget;
import dev.tk86.tools.debug.Disassembler;
import dev.tk86.tools.debug.Locations;
import dev.tk86.tools.debug.Stop;
import dev.tk86.tools.inspect.CpuView;
import dev.tk86.tools.inspect.InspectException;
import java.io.PrintWriter;

/**
 * One debugger session: the machine under control, the selected CPU and where output goes.
 * {@link #execute} runs one command line; a line that cannot be understood prints one line
 * saying what was not understood and what was expected, and the session goes on.
 */
public final class Session {
    private final Controller controller;
    private final Locations locations;
    private final Disassembler disassembler;
    private final CommandTable commands;
    private PrintWriter out;
    private int cpu;
    private boolean quit;
    private Runnable afterStop = () -> { };

    public Session(Controller controller, PrintWriter out) {
        this.controller = controller;
        this.out = out;
        this.locations = new Locations(controller.target());
        this.disassembler = new Disassembler(controller.target());
        this.commands = Commands.table();
    }

    public Controller controller() { return controller; }

    public DebugTarget target() { return controller.target(); }

    public Locations locations() { return locations; }

    public Disassembler disassembler() { return disassembler; }

    public CommandTable commands() { return commands; }

    public PrintWriter out() { return out; }

    public void setOut(PrintWriter w) { out = w; }

    public int cpuId() { return cpu; }

    public Cpu cpu() { return target().cpu(cpu); }

    public CpuView view() { return target().inspector().cpu(cpu); }

    public void selectCpu(int id) {
        if (id < 0 || id >= target().cpuCount())
            throw new DebugException("no cpu" + id + "; expected 0.." + (target().cpuCount() - 1));
        cpu = id;
    }

    public boolean quitRequested() { return quit; }

    public void requestQuit() { quit = true; }

    /** Run after every stop (the full-screen view redraws its panes). */
    public void setAfterStop(Runnable r) { afterStop = r; }

    /** Runs one command line. Returns false once the user asked to quit. */
    public boolean execute(String line) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) return !quit;
        try {
            CommandTable.Match m = commands.find(l);
            m.entry().command().run(this, m.args().strip());
        } catch (DebugException | InspectException e) {
            out.println(e.getMessage());
        }
        out.flush();
        return !quit;
    }

    /** Prints a stop the way every run command reports it, and selects the CPU it concerns. */
    public void report(Stop s) {
        if (!s.isFinal() && s.kind() != Stop.Kind.BUDGET) cpu = s.cpu();
        switch (s.kind()) {
            case BREAKPOINT -> out.printf("[cpu%d] breakpoint %d, %s%n", s.cpu(), s.number(), target().where(cpu().rip));
            case WATCHPOINT -> out.printf("[cpu%d] watchpoint %d: 0x%x %s, now at %s%n", s.cpu(), s.number(), s.address(), s.detail(), target().where(cpu().rip));
            case STEP -> { }
            case INTERRUPTED -> out.printf("[cpu%d] %s%n", s.cpu(), s.detail());
            case BUDGET -> out.println("stopped: " + s.detail());
            case EXITED -> out.printf("the guest powered off with status %d%n", s.number());
            case ENDED -> out.println("the machine stopped: " + s.detail());
        }
        if (!s.isFinal()) out.println(location());
        afterStop.run();
    }

    /** {@code => 0x... <sym+off>: insn} for the selected CPU, with the TKL statement when there is one. */
    public String location() {
        Cpu c = cpu();
        return String.format("cpu%d %s", c.id, disassembler.one(c, c.rip).format(true).strip());
    }
}
