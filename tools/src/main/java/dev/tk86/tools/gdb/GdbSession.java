package dev.tk86.tools.gdb;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.tools.debug.Breakpoint;
import dev.tk86.tools.debug.Controller;
import dev.tk86.tools.debug.DebugException;
import dev.tk86.tools.debug.Stop;
import dev.tk86.tools.debug.Watchpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One gdb connection: reads packets, answers them from the machine, runs it for c/s/vCont.
 * Every packet gets an answer (an empty one when it is not supported, Exx when it is
 * malformed); nothing a client sends can throw out of {@link #serve} except a broken
 * connection, which ends the session.
 */
public final class GdbSession {
    /** How a session ended. */
    public enum End { DETACHED, KILLED, DISCONNECTED }

    /** handle()'s answers that are not packets: end the session; the reply was already sent. */
    private static final String KILL = "\u0000kill", NONE = "\u0000none";

    /**
     * What a TKL site reads as through gdb. In RAM each site is an int3 (0xcc), so a stray x86
     * jump traps; gdb would take those for breakpoints compiled into the program and step over
     * them itself by moving %rip. As one-byte nops, gdb steps them with 's' like instructions.
     */
    private static final byte NOP = (byte) 0x90;

    private final Controller controller;
    private final PacketIo io;
    private final Monitor monitor;
    private final Stop initial;
    private int generalCpu, continueCpu;
    private boolean physical;
    private boolean swbreak, hwbreak;
    /** The breakpoints and watchpoints this client set (removed when it goes). */
    private final List<Integer> owned = new ArrayList<>();

    public GdbSession(Controller controller, InputStream in, OutputStream out, Stop initial) {
        this.controller = controller;
        this.io = new PacketIo(in, out);
        this.monitor = new Monitor(this, controller);
        this.initial = initial;
        this.generalCpu = initial == null ? 0 : initial.cpu();
    }

    /** Packets this session read (with a good checksum) and wrote. */
    public long packetsRead() { return io.packetsRead(); }

    public long packetsWritten() { return io.packetsWritten(); }

    Cpu generalCpu() { return controller.target().cpu(generalCpu); }

    void setPhysical(boolean on) { physical = on; }

    public End serve() throws IOException {
        controller.setInterruptPoll(() -> {
            try {
                return io.interruptPending();
            } catch (IOException e) {
                return true; // the connection broke: stop, the next read ends the session
            }
        });
        try {
            while (true) {
                byte[] p = io.read();
                if (p == null) return cleanUp(End.DISCONNECTED);
                if (p == PacketIo.INTERRUPT) { io.write(stopReply(lastStop())); continue; }
                String packet = new String(p, StandardCharsets.ISO_8859_1);
                String reply;
                try {
                    reply = handle(packet);
                } catch (DebugException e) {
                    reply = "E01";
                } catch (RuntimeException e) {
                    // a guest that cannot be read at that moment (mid-switch), or a bug: the packet fails, the session goes on
                    reply = "E02";
                }
                if (reply == null) { io.write("OK"); return cleanUp(End.DETACHED); }
                if (reply.equals(KILL)) return cleanUp(End.KILLED);
                if (!reply.equals(NONE)) io.write(reply);
            }
        } finally {
            controller.setInterruptPoll(() -> false);
        }
    }

    private End cleanUp(End e) {
        for (int n : owned) {
            if (!controller.breakpoints().delete(n)) controller.watchpoints().delete(n);
        }
        owned.clear();
        return e;
    }

    private Stop lastStop() {
        Stop s = controller.lastStop();
        return s != null ? s : initial != null ? initial : new Stop(Stop.Kind.INTERRUPTED, 0, 0, 0, "attached");
    }

    /** The reply to one packet; null for detach. */
    private String handle(String p) throws IOException {
        if (p.isEmpty()) return "";
        char k = p.charAt(0);
        String a = p.substring(1);
        return switch (k) {
            case '?' -> stopReply(lastStop());
            case 'q' -> query(a);
            case 'Q' -> a.equals("StartNoAckMode") ? noAck() : "";
            case 'H' -> setThread(a);
            case 'T' -> alive(a);
            case 'g' -> allRegisters();
            case 'G' -> writeAllRegisters(a);
            case 'p' -> register(a);
            case 'P' -> writeRegister(a);
            case 'm' -> readMemory(a);
            case 'M' -> writeMemory(a);
            case 'X' -> writeBinary(p);
            case 'c', 'C' -> resumed(controller.cont());
            case 's', 'S' -> resumed(controller.stepInstruction(stepCpu()));
            case 'v' -> v(a);
            case 'Z' -> breakpoint(a, true);
            case 'z' -> breakpoint(a, false);
            case 'D' -> null;
            case 'k' -> KILL;
            default -> "";
        };
    }

    private String alive(String a) {
        Integer c = Threads.cpu(controller.target(), a);
        return c != null && c >= 0 ? "OK" : "E01";
    }

    private String noAck() throws IOException {
        io.write("OK");
        io.stopAcks();
        return NONE;
    }

    private int stepCpu() { return continueCpu >= 0 ? continueCpu : generalCpu; }

    private String query(String a) {
        if (a.startsWith("Supported")) {
            swbreak = a.contains("swbreak+");
            hwbreak = a.contains("hwbreak+");
            return "PacketSize=" + Integer.toHexString(PacketIo.MAX_PAYLOAD) + ";qXfer:features:read+;qXfer:threads:read+;vContSupported+;QStartNoAckMode+"
                    + (swbreak ? ";swbreak+" : "") + (hwbreak ? ";hwbreak+" : "");
        }
        if (a.startsWith("Xfer:features:read:")) return xfer(a.substring("Xfer:features:read:".length()), "target.xml", TargetDescription.XML);
        if (a.startsWith("Xfer:threads:read:")) return xfer(a.substring("Xfer:threads:read:".length()), "", Threads.xml(controller.target()));
        if (a.equals("fThreadInfo")) {
            StringBuilder s = new StringBuilder("m");
            for (int i = 0; i < controller.target().cpuCount(); i++) s.append(i == 0 ? "" : ",").append(Integer.toHexString(Threads.tid(i)));
            return s.toString();
        }
        if (a.equals("sThreadInfo")) return "l";
        if (a.equals("C")) return "QC" + Integer.toHexString(Threads.tid(lastStop().cpu()));
        if (a.equals("Attached")) return "1";
        if (a.startsWith("ThreadExtraInfo,")) {
            Integer c = Threads.cpu(controller.target(), a.substring("ThreadExtraInfo,".length()));
            return c == null || c < 0 ? "E01" : Hex.of(Threads.describe(controller.target(), c));
        }
        if (a.startsWith("Rcmd,")) {
            byte[] cmd = Hex.bytes(a.substring(5));
            if (cmd == null) return "E01";
            return Hex.of(monitor.run(new String(cmd, StandardCharsets.UTF_8)));
        }
        if (a.startsWith("Symbol")) return "OK";
        return "";
    }

    /** {@code annex:offset,length} of a qXfer read. */
    private static String xfer(String args, String annex, String document) {
        int colon = args.indexOf(':');
        if (colon < 0 || !args.substring(0, colon).equals(annex)) return "E00";
        String[] ol = args.substring(colon + 1).split(",");
        if (ol.length != 2) return "E00";
        Long off = Hex.number(ol[0]), len = Hex.number(ol[1]);
        if (off == null || len == null) return "E00";
        byte[] doc = document.getBytes(StandardCharsets.UTF_8);
        if (off >= doc.length) return "l";
        int n = (int) Math.min(Math.min(len, PacketIo.MAX_PAYLOAD - 8), doc.length - off);
        String chunk = new String(doc, (int) (long) off, n, StandardCharsets.ISO_8859_1);
        return (off + n >= doc.length ? "l" : "m") + chunk;
    }

    private String setThread(String a) {
        if (a.isEmpty()) return "E01";
        Integer c = Threads.cpu(controller.target(), a.substring(1));
        if (c == null) return "E01";
        if (a.charAt(0) == 'g') { if (c >= 0) generalCpu = c; return "OK"; }
        if (a.charAt(0) == 'c') { continueCpu = c; return "OK"; }
        return "E01";
    }

    private String allRegisters() {
        StringBuilder s = new StringBuilder();
        Cpu c = generalCpu();
        for (int i = 0; i < Registers.COUNT; i++) Registers.hex(s, Registers.read(c, i), Registers.bytes(i));
        return s.toString();
    }

    private String writeAllRegisters(String a) {
        int pos = 0;
        List<long[]> values = new ArrayList<>();
        for (int i = 0; i < Registers.COUNT; i++) {
            int n = 2 * Registers.bytes(i);
            if (pos + n > a.length()) break; // gdb may send fewer registers than it knows
            Long v = Registers.parseHex(a.substring(pos, pos + n));
            if (v == null) return "E01";
            values.add(new long[]{i, v});
            pos += n;
        }
        if (values.isEmpty() || pos != a.length()) return "E01";
        for (long[] v : values) Registers.write(generalCpu(), (int) v[0], v[1]);
        return "OK";
    }

    private String register(String a) {
        Long n = Hex.number(a);
        if (n == null || n < 0 || n >= Registers.COUNT) return "E01";
        StringBuilder s = new StringBuilder();
        Registers.hex(s, Registers.read(generalCpu(), (int) (long) n), Registers.bytes((int) (long) n));
        return s.toString();
    }

    private String writeRegister(String a) {
        int eq = a.indexOf('=');
        if (eq < 0) return "E01";
        Long n = Hex.number(a.substring(0, eq));
        if (n == null || n < 0 || n >= Registers.COUNT) return "E01";
        String val = a.substring(eq + 1);
        if (val.length() != 2 * Registers.bytes((int) (long) n)) return "E01";
        Long v = Registers.parseHex(val);
        if (v == null) return "E01";
        Registers.write(generalCpu(), (int) (long) n, v);
        return "OK";
    }

    private long[] addressLength(String a) {
        int comma = a.indexOf(',');
        if (comma < 0) return null;
        Long addr = Hex.number(a.substring(0, comma)), len = Hex.number(a.substring(comma + 1));
        if (addr == null || len == null || len < 0 || len > PacketIo.MAX_PAYLOAD) return null;
        return new long[]{addr, len};
    }

    private String readMemory(String a) {
        long[] al = addressLength(a);
        if (al == null) return "E01";
        int len = (int) Math.min(al[1], (PacketIo.MAX_PAYLOAD - 8) / 2);
        byte[] out = new byte[len];
        int n = 0;
        for (; n < len; n++) {
            byte[] b = controller.memory().read(generalCpu(), al[0] + n, 1, physical);
            if (b == null) break;
            out[n] = physical || !controller.target().isTkl(al[0] + n) ? b[0] : NOP;
        }
        if (n == 0 && len > 0) return "E14";
        return Hex.of(java.util.Arrays.copyOf(out, n));
    }

    private String writeMemory(String a) {
        int colon = a.indexOf(':');
        if (colon < 0) return "E01";
        long[] al = addressLength(a.substring(0, colon));
        byte[] data = Hex.bytes(a.substring(colon + 1));
        if (al == null || data == null || data.length != al[1]) return "E01";
        return controller.memory().write(generalCpu(), al[0], data, physical) ? "OK" : "E14";
    }

    /** X addr,len:binary — the payload as raw bytes (already unescaped by PacketIo). */
    private String writeBinary(String p) {
        int colon = p.indexOf(':');
        if (colon < 0) return "E01";
        long[] al = addressLength(p.substring(1, colon));
        if (al == null) return "E01";
        byte[] data = p.substring(colon + 1).getBytes(StandardCharsets.ISO_8859_1);
        if (data.length != al[1]) return "E01";
        if (data.length == 0) return "OK"; // gdb probes for X support with an empty write
        return controller.memory().write(generalCpu(), al[0], data, physical) ? "OK" : "E14";
    }

    private String v(String a) {
        if (a.equals("Cont?")) return "vCont;c;C;s;S";
        if (a.startsWith("Cont;")) return vCont(a.substring(5));
        if (a.equals("MustReplyEmpty")) return "";
        if (a.startsWith("Kill")) return KILL;
        return "";
    }

    /**
     * vCont: a step action for one thread steps that CPU (the others run in the interleaver's
     * order meanwhile, as they would have); otherwise a continue runs every CPU.
     */
    private String vCont(String actions) {
        int stepCpu = -2;
        boolean any = false;
        for (String action : actions.split(";")) {
            if (action.isEmpty()) return "E01";
            char k = action.charAt(0);
            int colon = action.indexOf(':');
            Integer cpu = colon < 0 ? Integer.valueOf(-1) : Threads.cpu(controller.target(), action.substring(colon + 1));
            if (cpu == null) return "E01";
            String head = colon < 0 ? action : action.substring(0, colon);
            switch (k) {
                case 's', 'S' -> {
                    if (k == 'S' && Hex.number(head.substring(1)) == null) return "E01";
                    if (k == 's' && head.length() != 1) return "E01";
                    if (stepCpu == -2) stepCpu = cpu < 0 ? generalCpu : cpu;
                }
                case 'c', 'C' -> {
                    if (k == 'C' && Hex.number(head.substring(1)) == null) return "E01";
                    if (k == 'c' && head.length() != 1) return "E01";
                }
                default -> { return "E01"; }
            }
            any = true;
        }
        if (!any) return "E01";
        return resumed(stepCpu >= 0 ? controller.stepInstruction(stepCpu) : controller.cont());
    }

    /** Z/z type,addr,kind[;cond...]: 0/1 execution, 2 write, 3 read, 4 access watchpoints; no count limit. */
    private String breakpoint(String a, boolean insert) {
        String[] f = a.split("[,;]");
        if (f.length < 3) return "E01";
        Long type = Hex.number(f[0]), addr = Hex.number(f[1]), kind = Hex.number(f[2]);
        if (type == null || addr == null || kind == null) return "E01";
        Cpu via = generalCpu();
        if (type == 0 || type == 1) {
            Breakpoint b = controller.breakpoints().internalAt(addr, null);
            if (!insert) {
                if (b != null) { controller.breakpoints().delete(b.number()); owned.remove(Integer.valueOf(b.number())); }
                return "OK";
            }
            if (b != null) return "OK"; // gdb may insert twice (one per location of a multi-location breakpoint)
            try {
                owned.add(controller.breakpoints().add(String.format("0x%x", addr), addr, via, null, true).number());
            } catch (DebugException e) {
                return "E14";
            }
            return "OK";
        }
        if (type > 4 || kind < 1 || kind > 4096) return "E01";
        Watchpoint.Kind wk = type == 2 ? Watchpoint.Kind.WRITE : type == 3 ? Watchpoint.Kind.READ : Watchpoint.Kind.ACCESS;
        Watchpoint existing = controller.watchpoints().internal(wk, addr, (int) (long) kind);
        if (!insert) {
            if (existing != null) { controller.watchpoints().delete(existing.number()); owned.remove(Integer.valueOf(existing.number())); }
            return "OK";
        }
        if (existing != null) return "OK";
        long pa = physical ? addr : controller.memory().translate(via, addr);
        if (pa < 0 || (pa & 0xFFF) + kind > 0x1000) return "E14";
        owned.add(controller.watchpoints().add(String.format("0x%x", addr), wk, List.of(new Watchpoint.Range(addr, pa, (int) (long) kind)), -1, true).number());
        return "OK";
    }

    /** After a run: a machine that ended says why on gdb's console ('O' packet) before the stop reply. */
    private String resumed(Stop s) {
        if (s.kind() == Stop.Kind.ENDED || s.kind() == Stop.Kind.BUDGET) {
            try {
                io.write("O" + Hex.of("tk86: " + s.detail() + "\n"));
            } catch (IOException e) {
                throw unchecked(e);
            }
        }
        return stopReply(s);
    }

    /** A stop reply naming the thread (CPU) and, for a watchpoint, the data address. */
    String stopReply(Stop s) {
        return switch (s.kind()) {
            case EXITED -> String.format("W%02x", s.number() & 0xFF);
            default -> {
                StringBuilder r = new StringBuilder(String.format("T05thread:%x;", Threads.tid(s.cpu())));
                if (s.kind() == Stop.Kind.WATCHPOINT) {
                    Watchpoint w = controller.watchpoints().all().stream().filter(x -> x.number() == s.number()).findFirst().orElse(null);
                    String what = w == null || w.kind() == Watchpoint.Kind.WRITE || w.kind() == Watchpoint.Kind.CHANGE ? "watch"
                            : w.kind() == Watchpoint.Kind.READ ? "rwatch" : "awatch";
                    r.append(String.format("%s:%x;", what, s.address()));
                } else if (s.kind() == Stop.Kind.BREAKPOINT) {
                    if (swbreak) r.append("swbreak:;");
                }
                generalCpu = s.cpu();
                yield r.toString();
            }
        };
    }

    static UncheckedIOException unchecked(IOException e) { return new UncheckedIOException(e); }
}
