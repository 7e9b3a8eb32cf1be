package dev.tk86.kernel.lower;

import dev.tk86.kernel.typed.CheckedFunction;
import dev.tk86.kernel.typed.CheckedProgram;
import java.util.ArrayList;
import java.util.List;

/** Splits every function of a checked program into sites (see docs/tkl.md, "Execution model"). */
public final class Lowering {
    private Lowering() {}

    public static LoweredProgram lower(CheckedProgram program) {
        List<PrintFormat> formats = new ArrayList<>();
        List<LoweredFunction> fns = new ArrayList<>();
        for (CheckedFunction f : program.functions()) fns.add(new FunctionLowering(f, formats).lower());
        return new LoweredProgram(program, List.copyOf(fns), List.copyOf(formats));
    }
}
