package org.g2d2.app;

import javafx.application.Application;

/**
 * Opens the workbench window. {@code org.g2d2.Main} calls this when it gets no command; the
 * launcher itself is not an {@link Application}, so the program runs from the class path.
 *
 * <p>System properties: {@code g2d2.pack} (a pack folder; default: the bundled default pack),
 * {@code g2d2.autorun} (a folder: run once, pause mid-run and at the end for screenshots, then
 * quit; used by scripts/screenshots.sh).
 */
public final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    public static void launch(String[] args) {
        if (java.awt.GraphicsEnvironment.isHeadless() && System.getenv("DISPLAY") == null
                && System.getenv("WAYLAND_DISPLAY") == null && System.getProperty("glass.platform") == null) {
            System.err.println("error: the workbench needs a display (none is set); use a command instead, "
                    + "e.g. g2d2 --help");
            System.exit(2);
        }
        Application.launch(WorkbenchApp.class, args);
    }
}
