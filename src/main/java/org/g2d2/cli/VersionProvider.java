package org.g2d2.cli;

import picocli.CommandLine;

/** The version from the jar manifest (or "dev" when run from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = G2D2Cli.class.getPackage().getImplementationVersion();
        return new String[] {"g2d2 " + (v == null ? "dev" : v)};
    }
}
