package org.g2d2.app.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.g2d2.core.io.PackLocator;

/**
 * Finds the application's asset files (styles, icons): the folder named by {@code g2d2.assets},
 * else {@code assets/} beside the application or one of its parents, else in the working folder —
 * found the same way as the model packs.
 */
public final class Assets {

    private Assets() {
    }

    /** An asset by relative path, e.g. "styles/workbench.css". */
    public static Optional<Path> find(String relative) {
        for (Path root : PackLocator.besideApplication("assets", "g2d2.assets")) {
            Path p = root.resolve(relative);
            if (Files.isRegularFile(p)) {
                return Optional.of(p.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** An asset folder by relative path, e.g. "kernels". */
    public static Optional<Path> folder(String relative) {
        for (Path root : PackLocator.besideApplication("assets", "g2d2.assets")) {
            Path p = root.resolve(relative);
            if (Files.isDirectory(p)) {
                return Optional.of(p.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** The asset as a URL string for stylesheets and images, if it exists. */
    public static Optional<String> url(String relative) {
        return find(relative).map(p -> p.toUri().toString());
    }
}
