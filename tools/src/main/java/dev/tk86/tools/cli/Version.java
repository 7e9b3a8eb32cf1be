package dev.tk86.tools.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (set by the build), or "development" when run from classes. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"tk86 " + (v == null ? "(development build)" : v)
                + ", Java " + System.getProperty("java.version")};
    }
}
