package dev.tk86.kernel.check;

import dev.tk86.kernel.ast.Decl;
import dev.tk86.kernel.ast.FieldDecl;
import dev.tk86.kernel.layout.StructLayout;
import dev.tk86.kernel.typed.ConstSymbol;
import dev.tk86.kernel.typed.FunctionSymbol;
import dev.tk86.kernel.typed.GlobalVar;
import dev.tk86.kernel.types.Type;
import java.util.List;

/**
 * A top-level name during checking. Declarations may refer to each other in any order and
 * across files, so each one is resolved on first use (and cycles are detected with
 * {@link State#ACTIVE}).
 */
abstract sealed class Sym {
    enum State { NEW, ACTIVE, DONE }

    State state = State.NEW;

    abstract Decl decl();

    String name() { return decl().name(); }

    static final class StructSym extends Sym {
        final Decl.Struct decl;
        final List<FieldDecl> fields;
        final Type.Struct type;

        StructSym(Decl.Struct decl, List<FieldDecl> fields) {
            this.decl = decl;
            this.fields = fields;
            this.type = new Type.Struct(decl.name(), new StructLayout.Ref());
        }

        Decl decl() { return decl; }
    }

    static final class ConstSym extends Sym {
        final Decl.Const decl;
        ConstSymbol value;

        ConstSym(Decl.Const decl) { this.decl = decl; }

        Decl decl() { return decl; }
    }

    /** Global or extern variable. */
    static final class VarSym extends Sym {
        final Decl decl;
        GlobalVar var;

        VarSym(Decl decl) { this.decl = decl; }

        Decl decl() { return decl; }
    }

    /** TKL or extern function. */
    static final class FnSym extends Sym {
        final Decl decl;
        FunctionSymbol symbol;

        FnSym(Decl decl) { this.decl = decl; }

        Decl decl() { return decl; }
    }
}
