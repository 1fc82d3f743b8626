package org.g2d2.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javafx.application.Application;
import javax.imageio.ImageIO;
import org.g2d2.app.files.RunBundle;

/**
 * Opens the workbench window. {@code org.g2d2.Main} calls this when it gets no command, or a single
 * argument naming an image file or run bundle (as a desktop's "Open with" passes it), which the
 * window then opens; the launcher itself is not an {@link Application}, so the program runs from
 * the class path.
 *
 * <p>System properties: {@code g2d2.pack} (a pack folder; default: the bundled default pack),
 * {@code g2d2.autorun} (a folder: run once, pause mid-run and at the end for screenshots, then
 * quit; used by scripts/screenshots.sh).
 */
public final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    /**
     * Whether these arguments ask for the window: none, or one that is an existing file the
     * workbench opens (an image type it reads, or a run bundle). Anything else is a command.
     */
    public static boolean wantsWindow(String[] args) {
        return args.length == 0 || fileToOpen(args).isPresent();
    }

    /** The file a single argument names, when it exists and the workbench opens its type. */
    static Optional<Path> fileToOpen(String[] args) {
        if (args.length != 1 || args[0].isBlank() || args[0].startsWith("-")) {
            return Optional.empty();
        }
        Path file;
        try {
            file = Path.of(args[0]);
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file) || !opensType(file.getFileName().toString())) {
            return Optional.empty();
        }
        return Optional.of(file.toAbsolutePath().normalize());
    }

    /** The file name suffixes the workbench opens: those an installed image reader declares, and bundles. */
    static Set<String> openedSuffixes() {
        Set<String> s = new TreeSet<>();
        for (String suffix : ImageIO.getReaderFileSuffixes()) {
            if (!suffix.isBlank()) {
                s.add("." + suffix.toLowerCase(Locale.ROOT));
            }
        }
        s.add(RunBundle.EXTENSION);
        return s;
    }

    private static boolean opensType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return openedSuffixes().stream().anyMatch(lower::endsWith);
    }

    public static void launch(String[] args) {
        if (java.awt.GraphicsEnvironment.isHeadless() && System.getenv("DISPLAY") == null
                && System.getenv("WAYLAND_DISPLAY") == null && System.getProperty("glass.platform") == null) {
            System.err.println("error: the workbench needs a display (none is set); use a command instead, "
                    + "e.g. g2d2 --help");
            System.exit(2);
        }
        String[] forward = fileToOpen(args).map(p -> new String[] {p.toString()}).orElse(new String[0]);
        Application.launch(WorkbenchApp.class, forward);
    }
}
