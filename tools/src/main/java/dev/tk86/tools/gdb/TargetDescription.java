package dev.tk86.tools.gdb;

/**
 * The target description gdb reads with qXfer:features:read:target.xml: i386:x86-64 with one
 * feature, org.gnu.gdb.i386.core, holding every register of {@link Registers} in order.
 */
final class TargetDescription {
    private TargetDescription() { }

    static final String XML = build();

    private static String build() {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target version=\"1.0\">\n");
        x.append("  <architecture>i386:x86-64</architecture>\n");
        x.append("  <feature name=\"org.gnu.gdb.i386.core\">\n");
        x.append("    <flags id=\"i386_eflags\" size=\"4\">\n");
        String[][] flags = {{"CF", "0"}, {"", "1"}, {"PF", "2"}, {"AF", "4"}, {"ZF", "6"}, {"SF", "7"}, {"TF", "8"}, {"IF", "9"},
                {"DF", "10"}, {"OF", "11"}, {"NT", "14"}, {"RF", "16"}, {"VM", "17"}, {"AC", "18"}, {"VIF", "19"}, {"VIP", "20"}, {"ID", "21"}};
        for (String[] f : flags) x.append(String.format("      <field name=\"%s\" start=\"%s\" end=\"%s\"/>%n", f[0], f[1], f[1]));
        x.append("    </flags>\n");
        for (int i = 0; i < Registers.COUNT; i++) {
            Registers.Def d = Registers.DEFS.get(i);
            x.append(String.format("    <reg name=\"%s\" bitsize=\"%d\" type=\"%s\" group=\"%s\" regnum=\"%d\"/>%n",
                    d.name(), d.bits(), d.type(), d.group(), i));
        }
        x.append("  </feature>\n</target>\n");
        return x.toString();
    }
}
