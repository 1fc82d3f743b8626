package org.g2d2.core.io;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.g2d2.core.InvalidInputException;

/**
 * Finds the bundled model packs: the folder named by the system property {@code g2d2.models}, else
 * {@code models/} beside the application (the jar's folder or its parent), else in the working folder.
 */
public final class PackLocator {

    /** The pack used when none is named: the trained Fashion-MNIST pack, else the toy pack. */
    public static final List<String> DEFAULT_PACKS = List.of("fashion-mnist", "toy");

    private PackLocator() {
    }

    /** Candidate folders that may hold packs, most specific first. */
    public static List<Path> modelRoots() {
        return besideApplication("models", "g2d2.models");
    }

    /**
     * Candidate locations of a folder shipped with the application, most specific first: the one
     * the system property names, then {@code folder} beside the code (the jar's folder and its
     * parents: target/ or an installer's lib/), then in the working folder.
     */
    public static List<Path> besideApplication(String folder, String property) {
        List<Path> roots = new ArrayList<>();
        String prop = System.getProperty(property);
        if (prop != null && !prop.isBlank()) {
            roots.add(Path.of(prop));
        }
        try {
            Path code = Path.of(PackLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(code) ? code : code.getParent();
            for (Path p = dir; p != null && roots.size() < 6; p = p.getParent()) {
                roots.add(p.resolve(folder));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loaders): fall back to the working folder
        }
        roots.add(Path.of(folder).toAbsolutePath());
        return roots;
    }

    /** The default pack folder. */
    public static Path defaultPack() {
        for (String name : DEFAULT_PACKS) {
            Optional<Path> p = find(name);
            if (p.isPresent()) {
                return p.get();
            }
        }
        throw new InvalidInputException("no bundled model pack was found (looked for " + DEFAULT_PACKS + " in "
                + modelRoots() + "); name one with --model DIR");
    }

    /**
     * Every pack folder (one holding {@code model.json}) directly under the model roots, each once,
     * sorted by folder name; the first root that has a name wins, as in {@link #find}.
     */
    public static List<Path> installed() {
        java.util.Map<String, Path> byName = new java.util.TreeMap<>();
        for (Path root : modelRoots()) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (var dirs = Files.list(root)) {
                for (Path d : (Iterable<Path>) dirs.sorted()::iterator) {
                    if (Files.isRegularFile(d.resolve(ModelPackLoader.MANIFEST))) {
                        byName.putIfAbsent(d.getFileName().toString(), d.toAbsolutePath().normalize());
                    }
                }
            } catch (java.io.IOException e) {
                // an unreadable root offers no packs; the others still do
            }
        }
        return List.copyOf(byName.values());
    }

    /** A pack by folder name among the model roots. */
    public static Optional<Path> find(String name) {
        for (Path root : modelRoots()) {
            Path p = root.resolve(name);
            if (Files.isRegularFile(p.resolve(ModelPackLoader.MANIFEST))) {
                return Optional.of(p.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** The pack's sample images (PNG, JPEG), sorted; empty when it names none. */
    public static List<Path> samples(Path packDir, PackManifest manifest) {
        if (manifest.samples() == null) {
            return List.of();
        }
        Path dir = packDir.resolve(manifest.samples()).normalize();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase().matches(".*\\.(png|jpe?g)$"))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
