package dev.tk86.images.build;

import dev.tk86.kernel.bundle.TklBundle;
import dev.tk86.kernel.check.Options;
import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.stub.StubEmitter;
import dev.tk86.kernel.typed.CheckedProgram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The TKL side of an image: the program bundle (the tree's TKL sources and the options, which
 * the loader compiles again at boot; see docs/tkl.md, "The TKL bundle") in {@code obj/tkl.bundle},
 * and the TKL compiler's assembler stub in {@code obj/tkl.s}, which reserves each function's
 * sites in {@code .text.tkl}, lays out TKL globals and strings, and pulls the bundle into the
 * {@code .tkl} section; assembled to {@code obj/tkl.o}.
 */
final class TklStub {
    private TklStub() { }

    static Path write(CheckedProgram program, List<SourceFile> sources, Options options, Workspace ws, String name, List<String> warnings)
            throws BuildException {
        Path bundle = ws.obj().resolve("tkl.bundle"), stub = ws.obj().resolve("tkl.s"), obj = ws.obj().resolve("tkl.o");
        try {
            Files.write(bundle, new TklBundle(sources, options).toBytes());
            Files.writeString(stub, StubEmitter.emitIncbin(program, ws.dir().relativize(bundle).toString(), name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BuildException("cannot write the TKL stub: " + e.getMessage(), ws.dir());
        }
        String rel = ws.dir().relativize(stub).toString();
        Tool.Run a = Tool.run(List.of("as", "--64", "-o", ws.dir().relativize(obj).toString(), rel), ws.dir(), ws.dir());
        if (a.status() != 0) throw new BuildException(name + ": as failed on the TKL stub " + rel, ToolMessages.asErrors(a.output()), ws.dir());
        warnings.addAll(ToolMessages.asWarnings(a.output()));
        return obj;
    }
}
