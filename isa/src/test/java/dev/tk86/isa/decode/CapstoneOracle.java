package dev.tk86.isa.decode;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

import java.util.ArrayList;
import java.util.List;

/**
 * Capstone 4.0.2 (Debian's libcapstone4) in 64-bit AT&T mode, called through JNA directly.
 * The Java binding com.github.transcurity:capstone reads every result through JNA structure
 * reflection, which costs ~25 us per instruction without detail and ~375 us with it: too slow
 * for a million cases. This reads the few fields the tests need at their C offsets (from
 * capstone.h of 4.0.2; {@link CapstoneBindingCrossCheckTest} checks them against the binding).
 */
final class CapstoneOracle implements AutoCloseable {

    /** One disassembled instruction; {@code operands} is only filled in with {@code detail}. */
    record Result(int size, String mnemonic, String opStr, boolean detail, List<CsOperand> operands) {
        String text() { return opStr.isEmpty() ? mnemonic : mnemonic + " " + opStr; }
    }

    /** A detail operand: {@code reg}/{@code base}/{@code index}/{@code segment} are register names or "". */
    record CsOperand(int type, String reg, long imm, String segment, String base, String index, int scale, long disp, int size) { }

    static final int OP_REG = 1, OP_IMM = 2, OP_MEM = 3;

    interface Lib extends Library {
        int cs_open(int arch, int mode, LongByReference handle);
        int cs_option(long handle, int type, NativeLong value);
        NativeLong cs_disasm(long handle, byte[] code, NativeLong size, long address, NativeLong count, PointerByReference insn);
        void cs_free(Pointer insn, NativeLong count);
        String cs_reg_name(long handle, int reg);
        int cs_close(LongByReference handle);
    }

    // capstone.h (4.0.2): constants and struct offsets on x86-64
    private static final int CS_ARCH_X86 = 3, CS_MODE_64 = 8;
    private static final int CS_OPT_SYNTAX = 1, CS_OPT_SYNTAX_ATT = 2, CS_OPT_DETAIL = 2, CS_OPT_ON = 3;
    private static final int INSN_SIZE = 16, INSN_MNEMONIC = 34, INSN_OP_STR = 66, INSN_DETAIL = 232;
    private static final int DETAIL_X86 = 80, X86_OP_COUNT = 64, X86_OPERANDS = 72, OP_BYTES = 48;
    private static final int OP_TYPE = 0, OP_VALUE = 8, MEM_SEGMENT = 8, MEM_BASE = 12, MEM_INDEX = 16,
            MEM_SCALE = 20, MEM_DISP = 24, OP_SIZE = 32;

    private static final Lib LIB = Native.load("capstone", Lib.class);

    private final long handle;
    private final boolean detail;
    private final String[] regNames = new String[512];
    private final PointerByReference out = new PointerByReference();

    CapstoneOracle(boolean detail) {
        LongByReference h = new LongByReference();
        int err = LIB.cs_open(CS_ARCH_X86, CS_MODE_64, h);
        if (err != 0) throw new IllegalStateException("cs_open failed: " + err);
        handle = h.getValue();
        LIB.cs_option(handle, CS_OPT_SYNTAX, new NativeLong(CS_OPT_SYNTAX_ATT));
        if (detail) LIB.cs_option(handle, CS_OPT_DETAIL, new NativeLong(CS_OPT_ON));
        this.detail = detail;
    }

    /** The first instruction of {@code code} at {@code address}, or null if Capstone rejects it. */
    Result disasm(byte[] code, int length, long address) {
        byte[] bytes = code.length == length ? code : java.util.Arrays.copyOf(code, length);
        NativeLong n = LIB.cs_disasm(handle, bytes, new NativeLong(length), address, new NativeLong(1), out);
        if (n.longValue() == 0) return null;
        Pointer p = out.getValue();
        try {
            int size = p.getShort(INSN_SIZE) & 0xFFFF;
            String mnemonic = p.getString(INSN_MNEMONIC);
            String opStr = p.getString(INSN_OP_STR);
            return new Result(size, mnemonic, opStr, detail, detail ? operands(p.getPointer(INSN_DETAIL)) : List.of());
        } finally {
            LIB.cs_free(p, n);
        }
    }

    private List<CsOperand> operands(Pointer detailPtr) {
        Pointer x86 = detailPtr.share(DETAIL_X86);
        int count = x86.getByte(X86_OP_COUNT) & 0xFF;
        List<CsOperand> ops = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Pointer op = x86.share(X86_OPERANDS + (long) i * OP_BYTES);
            int type = op.getInt(OP_TYPE);
            int size = op.getByte(OP_SIZE) & 0xFF;
            switch (type) {
                case OP_REG -> ops.add(new CsOperand(type, reg(op.getInt(OP_VALUE)), 0, "", "", "", 0, 0, size));
                case OP_IMM -> ops.add(new CsOperand(type, "", op.getLong(OP_VALUE), "", "", "", 0, 0, size));
                case OP_MEM -> ops.add(new CsOperand(type, "", 0, reg(op.getInt(MEM_SEGMENT)), reg(op.getInt(MEM_BASE)),
                        reg(op.getInt(MEM_INDEX)), op.getInt(MEM_SCALE), op.getLong(MEM_DISP), size));
                default -> ops.add(new CsOperand(type, "", 0, "", "", "", 0, 0, size));
            }
        }
        return ops;
    }

    private String reg(int id) {
        if (id == 0) return "";
        String name = regNames[id];
        if (name == null) regNames[id] = name = LIB.cs_reg_name(handle, id);
        return name;
    }

    @Override public void close() {
        LIB.cs_close(new LongByReference(handle));
    }
}
