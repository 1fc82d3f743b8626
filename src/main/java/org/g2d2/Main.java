package org.g2d2;

import org.g2d2.cli.G2D2Cli;

/** Entry point: no arguments open the workbench; anything else is a command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(G2D2Cli.run(args));
    }
}
