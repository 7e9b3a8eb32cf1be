package dev.tk86.isa.fault;

/**
 * An architectural exception raised by guest code: it is delivered through the guest's IDT,
 * never reported as a host error. It carries no Java stack trace (it is control flow, and
 * page faults can be frequent), and {@code detail} says in words what happened, for #UD
 * naming the instruction.
 */
public final class GuestFault extends RuntimeException {
    private final int vector;
    private final long errorCode;
    private final boolean hasErrorCode;
    private final long cr2;

    private GuestFault(int vector, long errorCode, boolean hasErrorCode, long cr2, String detail) {
        super(detail, null, false, false);
        this.vector = vector;
        this.errorCode = errorCode;
        this.hasErrorCode = hasErrorCode;
        this.cr2 = cr2;
    }

    public static GuestFault of(int vector, String detail) {
        return new GuestFault(vector, 0, Vector.hasErrorCode(vector), 0, detail);
    }

    public static GuestFault withCode(int vector, long errorCode, String detail) {
        return new GuestFault(vector, errorCode, true, 0, detail);
    }

    /** #PF with its error code (SDM 4.7) and the faulting linear address for CR2. */
    public static GuestFault pageFault(long linear, int errorCode, String detail) {
        return new GuestFault(Vector.PF, errorCode, true, linear, detail);
    }

    public static GuestFault ud(String what) { return of(Vector.UD, what); }

    public static GuestFault gp(String what) { return withCode(Vector.GP, 0, what); }

    public int vector() { return vector; }
    public long errorCode() { return errorCode; }
    public boolean hasErrorCode() { return hasErrorCode; }
    public long cr2() { return cr2; }
    public String detail() { return getMessage(); }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(Vector.name(vector));
        if (hasErrorCode) s.append(" error=0x").append(Long.toHexString(errorCode));
        if (vector == Vector.PF) s.append(" cr2=0x").append(Long.toHexString(cr2));
        if (getMessage() != null) s.append(": ").append(getMessage());
        return s.toString();
    }
}
