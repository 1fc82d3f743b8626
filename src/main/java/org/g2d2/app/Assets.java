package org.g2d2.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the application's asset files (styles, icons): the folder named by {@code g2d2.assets},
 * else {@code assets/} beside the application or one of its parents (the jar sits in target/ or an
 * installer's lib/), else in the working folder.
 */
public final class Assets {

    private Assets() {
    }

    static List<Path> roots() {
        List<Path> roots = new ArrayList<>();
        String prop = System.getProperty("g2d2.assets");
        if (prop != null && !prop.isBlank()) {
            roots.add(Path.of(prop));
        }
        try {
            Path code = Path.of(Assets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = Files.isDirectory(code) ? code : code.getParent(); p != null && roots.size() < 6;
                 p = p.getParent()) {
                roots.add(p.resolve("assets"));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // unusual class loader: the working folder below still works
        }
        roots.add(Path.of("assets").toAbsolutePath());
        return roots;
    }

    /** An asset by relative path, e.g. "styles/workbench.css". */
    public static Optional<Path> find(String relative) {
        for (Path root : roots()) {
            Path p = root.resolve(relative);
            if (Files.isRegularFile(p)) {
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
