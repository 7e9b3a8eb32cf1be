package dev.tk86.isa.apic;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Msr;
import dev.tk86.isa.fault.GuestFault;

/**
 * A minimal local APIC in x2APIC mode (SDM Vol. 3A, chapter 11 and 11.12): interrupt request
 * and in-service registers with priority by vector class, EOI, interprocessor interrupts (fixed
 * vector to one CPU, to self, to all, to all but self; STARTUP to wake a parked CPU), and a
 * one-shot or periodic timer that counts this CPU's steps instead of bus clocks, so the same
 * run interrupts at the same instruction every time.
 */
public final class LocalApic {
    private final Cpu cpu;
    private final long[] irr = new long[4], isr = new long[4];
    private long svr = 0xFF, tpr, lvtTimer = 1L << 16, timerInitial, divideConfig;
    /** Step at which the timer next fires, or Long.MAX_VALUE when it is stopped. */
    private long deadline = Long.MAX_VALUE;
    public long ipisSent, ipisReceived, timerFires, eois;

    /** Non-null under the PCT schedule: each timer period is drawn from it (timer jitter). */
    private java.util.SplittableRandom jitter;

    public LocalApic(Cpu cpu) { this.cpu = cpu; }

    /** Power-on state (SDM 11.4.7.1 as x2APIC reads it): nothing pending, timer masked and stopped, counters at zero. */
    public void reset() {
        java.util.Arrays.fill(irr, 0);
        java.util.Arrays.fill(isr, 0);
        svr = 0xFF;
        tpr = 0;
        lvtTimer = 1L << 16;
        timerInitial = 0;
        divideConfig = 0;
        deadline = Long.MAX_VALUE;
        ipisSent = ipisReceived = timerFires = eois = 0;
    }

    public void addCounters(dev.tk86.isa.machine.Counters c) {
        c.add("ipis_sent", ipisSent);
        c.add("timer_interrupts", timerFires);
    }

    /**
     * Makes each timer period (one-shot or periodic) vary by up to a quarter either way, drawn
     * from {@code random}: interrupts then land at different instructions from seed to seed,
     * still deterministically.
     */
    public void setJitter(java.util.SplittableRandom random) { this.jitter = random; }

    private long period(long steps) {
        if (jitter == null || steps < 4) return steps;
        long spread = steps / 4;
        return steps - spread + jitter.nextLong(2 * spread + 1);
    }

    public int id() { return cpu.id; }

    // --- interrupt acceptance --------------------------------------------------------------------

    /** Marks a fixed interrupt pending (an IPI or the timer). */
    public void request(int vector) {
        irr[vector >>> 6] |= 1L << (vector & 63);
        ipisReceived++;
    }

    private static int highest(long[] bits) {
        for (int w = 3; w >= 0; w--) if (bits[w] != 0) return w * 64 + 63 - Long.numberOfLeadingZeros(bits[w]);
        return -1;
    }

    /** The vector the CPU would take now if IF allowed it, or -1 (SDM 11.8.3.1: by priority class). */
    public int deliverable() {
        int req = highest(irr);
        if (req < 0) return -1;
        int inService = highest(isr);
        if (inService >= 0 && (req >>> 4) <= (inService >>> 4)) return -1;
        if ((req >>> 4) <= ((tpr >>> 4) & 0xF) && tpr != 0) return -1;
        return req;
    }

    /** The CPU takes {@code vector}: it moves from IRR to ISR. */
    public void accept(int vector) {
        irr[vector >>> 6] &= ~(1L << (vector & 63));
        isr[vector >>> 6] |= 1L << (vector & 63);
    }

    public boolean hasPending() { return highest(irr) >= 0; }

    // --- timer -----------------------------------------------------------------------------------

    private long divisor() {
        int d = (int) (((divideConfig >>> 1) & 4) | (divideConfig & 3));
        return d == 7 ? 1 : 2L << d;
    }

    public long deadline() { return deadline; }

    /** Fires the timer if this CPU's step count has reached its deadline. */
    public void tick() {
        while (cpu.steps >= deadline) {
            timerFires++;
            if ((lvtTimer & (1L << 16)) == 0) request((int) (lvtTimer & 0xFF));
            boolean periodic = ((lvtTimer >>> 17) & 3) == 1;
            deadline = periodic && timerInitial != 0 ? deadline + period(timerInitial * divisor()) : Long.MAX_VALUE;
        }
    }

    // --- x2APIC MSRs ------------------------------------------------------------------------------

    public boolean handles(int msr) { return msr >= 0x800 && msr <= 0x8FF; }

    public long read(int msr) {
        return switch (msr) {
            case Msr.X2APIC_ID -> cpu.id;
            case Msr.X2APIC_VERSION -> 0x0005_0014L; // 6 LVT entries, integrated APIC
            case Msr.X2APIC_TPR -> tpr;
            case Msr.X2APIC_SVR -> svr;
            case Msr.X2APIC_LVT_TIMER -> lvtTimer;
            case Msr.X2APIC_TIMER_INITIAL -> timerInitial;
            case Msr.X2APIC_TIMER_CURRENT -> deadline == Long.MAX_VALUE ? 0
                    : Math.min(timerInitial, Math.max(0, (deadline - cpu.steps + divisor() - 1) / divisor()));
            case Msr.X2APIC_TIMER_DIVIDE -> divideConfig;
            default -> {
                if (msr >= Msr.X2APIC_ISR0 && msr < Msr.X2APIC_ISR0 + 8) yield word(isr, msr - Msr.X2APIC_ISR0);
                if (msr >= 0x820 && msr < 0x828) yield word(irr, msr - 0x820);
                throw GuestFault.gp(String.format("rdmsr of x2APIC register 0x%x, which tk86 does not model", msr));
            }
        };
    }

    private static long word(long[] bits, int i) { return (bits[i >>> 1] >>> ((i & 1) * 32)) & 0xFFFF_FFFFL; }

    public void write(int msr, long v) {
        switch (msr) {
            case Msr.X2APIC_TPR -> tpr = v & 0xFF;
            case Msr.X2APIC_EOI -> {
                if (v != 0) throw GuestFault.gp("x2APIC EOI written with a non-zero value");
                int s = highest(isr);
                if (s >= 0) isr[s >>> 6] &= ~(1L << (s & 63));
                eois++;
            }
            case Msr.X2APIC_SVR -> svr = v & 0x1FF;
            case Msr.X2APIC_ICR -> sendIpi(v);
            case Msr.X2APIC_SELF_IPI -> request((int) (v & 0xFF));
            case Msr.X2APIC_LVT_TIMER -> lvtTimer = v & 0x7_00FFL;
            case Msr.X2APIC_TIMER_INITIAL -> {
                timerInitial = v & 0xFFFF_FFFFL;
                deadline = timerInitial == 0 ? Long.MAX_VALUE : cpu.steps + period(timerInitial * divisor());
            }
            case Msr.X2APIC_TIMER_DIVIDE -> divideConfig = v & 0xB;
            default -> throw GuestFault.gp(String.format("wrmsr to x2APIC register 0x%x, which tk86 does not model", msr));
        }
        cpu.exitRun = true;
    }

    /** ICR write (SDM 11.6.1, x2APIC layout: destination in bits 63:32). */
    private void sendIpi(long icr) {
        int vector = (int) (icr & 0xFF);
        int mode = (int) ((icr >>> 8) & 7);
        int shorthand = (int) ((icr >>> 18) & 3);
        long dest = icr >>> 32;
        ipisSent++;
        var machine = cpu.machine;
        for (Cpu target : machine.cpus()) {
            boolean hit = switch (shorthand) {
                case 0 -> dest == 0xFFFF_FFFFL || target.id == dest;
                case 1 -> target == cpu;
                case 2 -> true;
                default -> target != cpu;
            };
            if (!hit) continue;
            switch (mode) {
                case 0 -> target.apic.request(vector);                  // fixed
                case 5 -> { }                                            // INIT: the parked AP waits for STARTUP
                case 6 -> machine.startProcessor(target, (long) vector << 12, cpu); // STARTUP
                default -> throw GuestFault.gp("IPI delivery mode " + mode + " is not modelled (fixed, INIT, STARTUP are)");
            }
        }
    }
}
