package dev.tk86.isa.fault;

/** Exception vectors of the subset (SDM Vol. 3A, 6.3.1, Table 6-1). */
public final class Vector {
    private Vector() { }

    public static final int DE = 0;   // divide error
    public static final int DB = 1;
    public static final int BP = 3;   // int3
    public static final int UD = 6;   // invalid opcode
    public static final int DF = 8;   // double fault (error code 0)
    public static final int TS = 10;
    public static final int NP = 11;
    public static final int SS = 12;
    public static final int GP = 13;  // general protection (error code)
    public static final int PF = 14;  // page fault (error code, CR2)

    /** Whether the processor pushes an error code for this vector (SDM 6.13). */
    public static boolean hasErrorCode(int vector) {
        return vector == DF || vector == TS || vector == NP || vector == SS || vector == GP || vector == PF
                || vector == 17;
    }

    /** Contributory exceptions for the double-fault rules (SDM 6.15, Table 6-4/6-5). */
    public static boolean isContributory(int vector) {
        return vector == DE || vector == TS || vector == NP || vector == SS || vector == GP;
    }

    public static String name(int vector) {
        return switch (vector) {
            case DE -> "#DE"; case DB -> "#DB"; case BP -> "#BP"; case UD -> "#UD"; case DF -> "#DF";
            case TS -> "#TS"; case NP -> "#NP"; case SS -> "#SS"; case GP -> "#GP"; case PF -> "#PF";
            default -> "vector " + vector;
        };
    }
}
