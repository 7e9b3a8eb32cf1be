package dev.tk86.tools.debug.cmd;

import dev.tk86.tools.debug.DebugException;
import dev.tk86.tools.inspect.CpuView;
import dev.tk86.tools.inspect.proc.ProcessFormat;
import dev.tk86.tools.inspect.proc.ThreadInfo;
import dev.tk86.tools.inspect.stack.BacktraceFormat;
import dev.tk86.tools.inspect.stack.Frame;
import java.util.List;
import java.util.Map;

/**
 * The kernel's view through the introspection library: bt (ddb: trace) with TKL arguments and
 * locals, p, ps, show proc, show uvm, and the current CPU's cpu_info.
 */
final class KernelCommands {
    private KernelCommands() { }

    static void register(CommandTable t) {
        t.add("bt|backtrace|where|trace", "bt [full]", "backtrace across x86 and TKL frames; full adds every frame's locals", KernelCommands::backtrace);
        t.add("p|print", "p EXPR", "a TKL expression or struct, e.g. p *curproc, p curcpu()->ci_cpuid, p $rsp", KernelCommands::print);
        t.add("ps", "ps", "the kernel's threads (ddb's ps)", (s, a) -> {
            Args.none("ps", a);
            s.out().print(ProcessFormat.text(s.view().threads()));
        });
        t.add("show proc", "show proc [PID|ADDRESS]", "a struct proc: the selected CPU's curproc, a pid's, or at an address", KernelCommands::showProc);
        t.add("show uvm", "show uvm", "the address space of the selected CPU's process and the kernel's uvm counters", KernelCommands::showUvm);
        t.add("show cpu_info|info cpu", "show cpu_info", "the selected CPU's struct cpu_info", (s, a) -> {
            Args.none("show cpu_info", a);
            s.out().println(s.view().print("*curcpu()"));
        });
    }

    private static void backtrace(Session s, String a) {
        if (!a.isEmpty() && !a.equals("full")) throw new DebugException("bt: '" + a + "' is not understood; expected bt or bt full");
        CpuView v = s.view();
        List<Frame> frames = v.backtrace();
        BacktraceFormat f = v.backtraceFormat();
        for (Frame fr : frames) {
            s.out().println(f.line(fr));
            if (a.equals("full")) {
                String locals = f.locals(fr);
                if (!locals.isEmpty()) s.out().print(locals.endsWith("\n") ? locals : locals + "\n");
            }
        }
    }

    private static void print(Session s, String a) {
        if (a.isEmpty()) throw new DebugException("p: expected an expression, e.g. p *curproc or p curcpu()->ci_cpuid");
        CpuView v = s.view();
        List<Frame> frames = v.backtrace();
        // locals of the innermost TKL frame are in scope, as in gdb's frame 0
        Frame inner = frames.stream().filter(Frame::tkl).findFirst().orElse(null);
        s.out().println(inner != null && frames.get(0) == inner ? v.print(a, inner) : v.print(a));
    }

    private static void showProc(Session s, String a) {
        CpuView v = s.view();
        if (!v.processTable().supported()) throw new DebugException("show proc: this kernel has no struct proc (the smoke kernel has no processes)");
        if (a.isEmpty()) {
            s.out().println(v.print("*curproc"));
            return;
        }
        Long n = dev.tk86.tools.debug.Locations.parseNumber(a);
        if (n == null) throw new DebugException("show proc: expected a pid or a struct proc address, got '" + a + "'");
        long address = n;
        for (ThreadInfo t : v.threads()) if (t.pid() == n || t.tid() == n) { address = t.address(); break; }
        s.out().println(v.print(String.format("*(0x%x as *proc)", address)));
    }

    private static void showUvm(Session s, String a) {
        Args.none("show uvm", a);
        CpuView v = s.view();
        if (v.processTable().supported() && v.curproc().isPresent()) {
            s.out().println("vmspace of " + v.curproc().get().command() + ": " + v.print("*curproc->p_p->ps_vmspace"));
        } else {
            s.out().println("no process on cpu" + s.cpuId());
        }
        Map<String, Long> counters = s.target().inspector().counters();
        if (counters.isEmpty()) s.out().println("no kc_* counters in this kernel");
        counters.forEach((k, val) -> {
            if (k.contains("uarea") || k.contains("vmspace") || k.contains("pt_pages") || k.contains("cr3") || k.contains("tlb"))
                s.out().printf("  %-22s %d%n", k, val);
        });
    }
}
