package org.g2d2;

import org.g2d2.app.WorkbenchLauncher;
import org.g2d2.cli.G2D2Cli;
import org.g2d2.core.io.LogSetup;

/**
 * Entry point: no arguments, or one naming an image file or run bundle, open the workbench (on
 * that file); anything else is a command.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LogSetup.toFile();
        if (WorkbenchLauncher.wantsWindow(args)) {
            WorkbenchLauncher.launch(args);
            return;
        }
        System.exit(G2D2Cli.run(args));
    }
}
