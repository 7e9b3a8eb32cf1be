package dev.tk86.kernel.lower;

import java.util.List;

/** How a step ends: where RIP goes next. */
public sealed interface Terminator {
    record Goto(Label target) implements Terminator {}

    record Branch(LExpr cond, Label ifTrue, Label ifFalse) implements Terminator {}

    /**
     * A call: the arguments go to rdi, rsi, rdx, rcx, r8, r9, the address of the next site
     * (the return site, always this step's site + 1) is pushed, and RIP becomes {@code target}
     * (a TKL or x86 function, or a function pointer's value). The target is evaluated first.
     */
    record Call(LExpr target, List<LExpr> args) implements Terminator {}

    /** Epilogue: rax = value (null for none), rsp = rbp, pop rbp, pop RIP. */
    record Return(LExpr value) implements Terminator {}

    /** panic(format, args): prints, stops the machine; RIP stays on this site. */
    record Panic(int format, List<LExpr> args) implements Terminator {}

    /** Control reached a point the checker proved unreachable (defensive): panics with {@code what}. */
    record Unreachable(String what) implements Terminator {}
}
