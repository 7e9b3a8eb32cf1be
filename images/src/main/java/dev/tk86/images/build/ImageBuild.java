package dev.tk86.images.build;

import dev.tk86.images.config.ConfigException;
import dev.tk86.images.config.KernelConfig;
import dev.tk86.images.config.KnownOptions;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.kernel.bundle.SourceTree;
import dev.tk86.kernel.check.Compilation;
import dev.tk86.kernel.check.Frontend;
import dev.tk86.kernel.check.Options;
import dev.tk86.kernel.diag.Diagnostic;
import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.layout.Genassym;
import dev.tk86.kernel.typed.CheckedProgram;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.validate.ImageReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one kernel image the way a BSD kernel build does, in a compile directory:
 * <ol>
 *   <li>copy the kernel tree, apply the configuration's patches and the requested ones;</li>
 *   <li>check the TKL tree with the configuration's options (the front end), and write
 *       {@code assym.h} from its {@code assym} declarations (genassym);</li>
 *   <li>{@code cpp} and GNU {@code as} on every {@code .S} file of the tree, with the options as
 *       {@code -D} defines and the compile directory on the include path;</li>
 *   <li>the TKL stub ({@code .text.tkl} ranges, TKL globals and strings, the {@code .tkl}
 *       program section) through {@code as};</li>
 *   <li>GNU {@code ld} with images/conf/ld.script into an ELF64 x86-64 executable, which is then
 *       checked against the boot protocol (docs/boot.md) before it is written out.</li>
 * </ol>
 * A failing step is a {@link BuildException} with the tool's own errors, one per line.
 */
public final class ImageBuild {
    private ImageBuild() { }

    public static BuildResult build(BuildRequest r) throws BuildException {
        boolean temporary = r.workDir() == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("tk86-build-") : r.workDir();
        } catch (IOException e) {
            throw new BuildException("cannot create a compile directory: " + e.getMessage(), null);
        }
        BuildResult result = new ImageBuild.Run(r, dir).run();
        if (!temporary) return result;
        Workspace.delete(dir);
        return new BuildResult(result.config(), result.image(), result.bytes(), null, result.warnings());
    }

    /** The state of one build. */
    private static final class Run {
        private final BuildRequest r;
        private final Path dir;
        private final List<String> warnings = new ArrayList<>();
        private Workspace ws;
        private KernelConfig config;

        Run(BuildRequest r, Path dir) {
            this.r = r;
            this.dir = dir.toAbsolutePath().normalize();
        }

        BuildResult run() throws BuildException {
            config = parseConfig();
            if (!Files.isDirectory(r.tree())) throw new BuildException("kernel tree " + r.tree() + ": no such directory", null);
            if (!Files.isRegularFile(r.ldScript())) throw new BuildException("linker script " + r.ldScript() + ": no such file", null);
            ws = Workspace.create(dir, r.tree());
            for (KernelConfig.ConfigPatch p : config.patches()) warnings.addAll(TreePatch.apply(p.diff(), p.diff() + " (" + p.where() + ")", ws));
            for (Path p : r.patches()) warnings.addAll(TreePatch.apply(p, p.toString(), ws));

            KnownOptions known = knownOptions();
            try {
                config.check(known);
            } catch (ConfigException e) {
                throw new BuildException(e.getMessage(), dir);
            }
            Options options = new Options(known.names(), config.options());
            List<SourceFile> sources = tklSources();
            CheckedProgram program = frontEnd(sources, options);
            write(ws.assym(), Genassym.emit(program, config.name()));

            List<Path> objects = new ArrayList<>();
            for (String s : ws.sources(".S")) objects.add(assemble(s));
            objects.add(TklStub.write(program, sources, options, ws, config.name(), warnings));

            Path elf = link(objects);
            long bytes = validate(elf);
            install(elf, r.output());
            return new BuildResult(config, r.output(), bytes, dir, warnings);
        }

        private KernelConfig parseConfig() throws BuildException {
            try {
                return dev.tk86.images.config.ConfigParser.parse(r.config());
            } catch (ConfigException e) {
                throw new BuildException(e.getMessage(), null);
            }
        }

        private KnownOptions knownOptions() throws BuildException {
            try {
                return KnownOptions.read(ws.sys());
            } catch (ConfigException e) {
                throw new BuildException(e.getMessage(), dir);
            }
        }

        private List<SourceFile> tklSources() throws BuildException {
            try {
                return SourceTree.load(ws.sys());
            } catch (IOException e) {
                throw new BuildException("reading the TKL sources: " + e.getMessage(), dir);
            }
        }

        /** The TKL front end: every error as file:line:col: message, paths relative to the tree. */
        private CheckedProgram frontEnd(List<SourceFile> sources, Options options) throws BuildException {
            if (sources.isEmpty()) throw new BuildException("the kernel tree has no .tk files", dir);
            Compilation c = Frontend.compile(sources, options);
            if (c.ok()) return c.program();
            List<String> errors = c.errors().stream().map(Diagnostic::headline).toList();
            throw new BuildException(config.name() + ": the TKL compiler found " + errors.size() + " error" + (errors.size() == 1 ? "" : "s"),
                    errors, dir);
        }

        /** cpp then as on one .S file of the tree; returns the object. */
        private Path assemble(String source) throws BuildException {
            String stem = source.substring(0, source.length() - 2);
            Path pre = ws.obj().resolve(stem + ".s"), obj = ws.obj().resolve(stem + ".o");
            try {
                Files.createDirectories(pre.getParent());
            } catch (IOException e) {
                throw new BuildException("cannot create " + pre.getParent() + ": " + e.getMessage(), dir);
            }
            List<String> cpp = new ArrayList<>(List.of("cpp", "-x", "assembler-with-cpp", "-nostdinc", "-I", ws.dir().toString(),
                    "-D_KERNEL", "-DKERNEL_IDENT=\"" + config.name() + "\""));
            for (String o : config.options()) cpp.add("-D" + o);
            cpp.addAll(List.of(source, "-o", pre.toString()));
            Tool.Run c = Tool.run(cpp, ws.sys(), dir);
            if (c.status() != 0) throw new BuildException(config.name() + ": cpp failed on " + source, ToolMessages.cpp(c.output()), dir);

            // -g: line tables and function entries for gdb, and source lines in ld's messages; the
            // compile directory is mapped away so that images do not depend on where they were built.
            Tool.Run a = Tool.run(List.of("as", "--64", "-g", "--debug-prefix-map=" + ws.sys() + "=", "-o", obj.toString(), pre.toString()),
                    ws.sys(), dir);
            if (a.status() != 0) throw new BuildException(config.name() + ": as failed on " + source, ToolMessages.asErrors(a.output()), dir);
            warnings.addAll(ToolMessages.asWarnings(a.output()));
            return obj;
        }

        private Path link(List<Path> objects) throws BuildException {
            Path elf = ws.dir().resolve(config.name() + ".elf");
            List<String> ld = new ArrayList<>(List.of("ld", "-nostdlib", "-static", "-z", "max-page-size=0x1000", "-z", "noexecstack",
                    "-T", r.ldScript().toAbsolutePath().toString(), "-Map", ws.dir().resolve(config.name() + ".map").toString(),
                    "-o", elf.toString()));
            for (Path o : objects) ld.add(ws.dir().relativize(o).toString());
            Tool.Run l = Tool.run(ld, ws.dir(), dir);
            if (l.status() != 0) throw new BuildException(config.name() + ": ld failed", ToolMessages.ld(l.output()), dir);
            warnings.addAll(ToolMessages.ld(l.output()));
            return elf;
        }

        /** The image must boot: the loader's own checks (docs/boot.md), at the default memory size. */
        private long validate(Path elf) throws BuildException {
            try {
                byte[] bytes = Files.readAllBytes(elf);
                ImageReader.read(bytes, MachineConfig.DEFAULT_MEMORY);
                return bytes.length;
            } catch (IOException e) {
                throw new BuildException("cannot read the linked image " + elf + ": " + e.getMessage(), dir);
            } catch (ImageException e) {
                throw new BuildException(config.name() + ": the linked image breaks the boot protocol (docs/boot.md): " + e.getMessage(), dir);
            }
        }

        private void install(Path elf, Path output) throws BuildException {
            try {
                Path out = output.toAbsolutePath();
                if (out.getParent() != null) Files.createDirectories(out.getParent());
                Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
                Files.copy(elf, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new BuildException("cannot write " + output + ": " + e.getMessage(), dir);
            }
        }

        private void write(Path file, String text) throws BuildException {
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BuildException("cannot write " + file + ": " + e.getMessage(), dir);
            }
        }
    }
}
