package dev.tk86.tools.x86;

import dev.tk86.isa.cpu.Reg;
import dev.tk86.tools.BadInputException;
import dev.tk86.tools.json.JsonIntegers;
import dev.tk86.tools.json.JsonObjectBuilder;
import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonValue.JsonObject;
import dev.tk86.tools.json.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON forms of snippet cases and results.
 *
 * <p>A case: {@code {"code": "4889c3", "regs": {"rax": 1}, "mem": {"0x2000": "aabb"},
 * "paging": "identity", "max_steps": 1000, "id": <anything>}}; only {@code code} is required.
 *
 * <p>A result: {@code {"id":..,"end":"completed","steps":N,"regs":{"rax":"0x1",..,"rip":..,"rflags":..},
 * "mem":{"0x2000":"aabb"},"exception":{"vector":14,"name":"#PF","error_code":"0x2","cr2":"0x0","detail":".."},
 * "console":"..","error":".."}}: {@code id} only if the case had one, {@code exception} only
 * after one, {@code console} only if something was written, {@code error} for a step limit.
 */
public final class SnippetJson {
    private static final Set<String> CASE_KEYS = Set.of("code", "regs", "mem", "paging", "max_steps", "id");

    private SnippetJson() { }

    /** Defaults for what a case line leaves out, from the command line. */
    public record Defaults(Paging paging, long maxSteps) { }

    public static SnippetCase parseCase(JsonValue json, Defaults defaults) {
        if (!(json instanceof JsonObject o))
            throw new BadInputException("a case must be a JSON object such as {\"code\": \"90\"}, found " + JsonValue.kindOf(json));
        for (String k : o.members().keySet())
            if (!CASE_KEYS.contains(k))
                throw new BadInputException("unknown key \"" + k + "\" (a case has code, regs, mem, paging, max_steps, id)");
        JsonValue code = o.get("code");
        if (code == null) throw new BadInputException("missing \"code\" (the instruction bytes in hex)");
        byte[] bytes = Hex.parse(string(code, "code"), "code");
        InitialRegs regs = InitialRegs.defaults();
        if (o.get("regs") != null) regs = regs.with(o.get("regs"), "regs");
        List<MemRegion> mem = new ArrayList<>();
        if (o.get("mem") != null) {
            if (!(o.get("mem") instanceof JsonObject m))
                throw new BadInputException("mem: expected an object such as {\"0x2000\": \"aabb\"}, found " + JsonValue.kindOf(o.get("mem")));
            for (Map.Entry<String, JsonValue> e : m.members().entrySet()) {
                String field = "mem." + e.getKey();
                mem.add(new MemRegion(JsonIntegers.parse(e.getKey(), field), Hex.parse(string(e.getValue(), field), field)));
            }
        }
        Paging paging = o.get("paging") == null ? defaults.paging() : Paging.parse(string(o.get("paging"), "paging"), "paging");
        long maxSteps = o.get("max_steps") == null ? defaults.maxSteps() : JsonIntegers.toLong(o.get("max_steps"), "max_steps");
        return new SnippetCase(bytes, regs, mem, paging, maxSteps, o.get("id"));
    }

    /** A {@code --mem ADDR=HEX} option. */
    public static MemRegion parseMemOption(String option) {
        int eq = option.indexOf('=');
        if (eq < 0) throw new BadInputException("--mem " + option + ": expected ADDR=HEX, e.g. 0x2000=aabbccdd");
        String field = "--mem " + option.substring(0, eq);
        return new MemRegion(JsonIntegers.parse(option.substring(0, eq), field), Hex.parse(option.substring(eq + 1), field));
    }

    private static String string(JsonValue v, String field) {
        if (v instanceof JsonString s) return s.value();
        throw new BadInputException(field + ": expected a string, found " + JsonValue.kindOf(v));
    }

    public static JsonObject result(SnippetResult r) {
        JsonObjectBuilder out = new JsonObjectBuilder();
        if (r.id() != null) out.put("id", r.id());
        out.put("end", r.end().label());
        out.put("steps", r.steps());
        JsonObjectBuilder regs = new JsonObjectBuilder();
        for (int i = 0; i < 16; i++) regs.put(Reg.name(i), Hex.word(r.gpr(i)));
        regs.put("rip", Hex.word(r.rip()));
        regs.put("rflags", Hex.word(r.rflags()));
        out.put("regs", regs.build());
        if (!r.mem().isEmpty()) {
            JsonObjectBuilder mem = new JsonObjectBuilder();
            for (MemRegion m : r.mem()) mem.put(Hex.word(m.address()), Hex.format(m.bytes()));
            out.put("mem", mem.build());
        }
        if (r.fault() != null) {
            SnippetFault f = r.fault();
            out.put("exception", new JsonObjectBuilder()
                    .put("vector", f.vector())
                    .put("name", f.name())
                    .put("error_code", f.errorCode() == null ? null : Hex.word(f.errorCode()))
                    .put("cr2", f.cr2() == null ? null : Hex.word(f.cr2()))
                    .put("detail", f.detail())
                    .build());
        }
        if (!r.console().isEmpty()) out.put("console", r.console());
        if (r.end() == SnippetEnd.STEP_LIMIT) out.put("error", r.detail());
        else if (!r.detail().isEmpty()) out.put("detail", r.detail());
        return out.build();
    }
}
