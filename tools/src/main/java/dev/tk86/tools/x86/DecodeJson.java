package dev.tk86.tools.x86;

import dev.tk86.tools.json.JsonObjectBuilder;
import dev.tk86.tools.json.JsonValue.JsonObject;

/**
 * {@code tk86 x86 decode} output: {@code {"length":3,"mnemonic":"addq","operands":"%rbx, %rax",
 * "text":"addq %rbx, %rax"}}, or {@code {"error":"outside the subset: ...","kind":"outside-subset"}}.
 */
public final class DecodeJson {
    private DecodeJson() { }

    public static JsonObject of(DecodedText d) {
        if (d instanceof DecodedText.Insn i)
            return new JsonObjectBuilder().put("length", i.length()).put("mnemonic", i.mnemonic())
                    .put("operands", i.operands()).put("text", i.text()).build();
        DecodedText.Rejected r = (DecodedText.Rejected) d;
        return new JsonObjectBuilder().put("error", r.describe()).put("kind", r.kindLabel()).build();
    }
}
