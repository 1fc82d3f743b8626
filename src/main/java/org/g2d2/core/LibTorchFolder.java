package org.g2d2.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A PyTorch library folder a person points the engine at: an unpacked libtorch (its root or its
 * lib/) or pip's {@code torch/lib}. Checked without loading anything, because a process can load
 * only one libtorch.
 *
 * @param libraryDir the folder that holds libtorch.so
 * @param version the PyTorch version its files declare (e.g. "2.7.1+cu128"), or null when none says
 * @param flavor the CUDA build, e.g. cu128
 * @param cudart the CUDA runtime found beside it, or null (then the system's is used)
 */
public record LibTorchFolder(Path libraryDir, String version, String flavor, Path cudart) {

    /** The libraries that make a libtorch a CUDA build. */
    public static final List<String> CUDA_LIBRARIES = List.of("libc10_cuda.so", "libtorch_cuda.so");

    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+)(?:\\+(\\w+))?");
    private static final Pattern PIP_VERSION = Pattern.compile("__version__\\s*=\\s*'([^']+)'");

    /** Inspects {@code dir}; a folder that cannot serve as a CUDA engine is an {@link InvalidInputException}. */
    public static LibTorchFolder inspect(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("engine folder " + dir + " is not a folder; give an unpacked libtorch "
                    + "(or its lib/) or pip's torch/lib");
        }
        Path lib = Stream.of(dir, dir.resolve("lib"), dir.resolve("torch").resolve("lib"))
                .filter(d -> Files.isRegularFile(d.resolve("libtorch.so")))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("no libtorch.so in " + dir + " (nor in its lib/ or "
                        + "torch/lib/); give an unpacked libtorch " + EngineSettings.SUPPORTED_VERSION
                        + " or pip's torch/lib of torch==" + EngineSettings.SUPPORTED_VERSION + "+"
                        + EngineSettings.SUPPORTED_FLAVOR)).toAbsolutePath().normalize();
        String version = declaredVersion(lib).orElse(null);
        List<String> missing = new ArrayList<>();
        for (String name : CUDA_LIBRARIES) {
            if (!Files.isRegularFile(lib.resolve(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(lib + " holds a CPU-only PyTorch" + (version == null ? "" : " " + version)
                    + " (no " + String.join(", no ", missing) + "): it cannot use a GPU; give a CUDA "
                    + cudaName() + " build (the libtorch cu128 archive or pip's torch==" + EngineSettings.SUPPORTED_VERSION
                    + "+" + EngineSettings.SUPPORTED_FLAVOR + "), or run: g2d2 engine install cuda");
        }
        String flavor = EngineSettings.SUPPORTED_FLAVOR;
        if (version != null) {
            Matcher m = VERSION.matcher(version);
            if (m.matches() && !m.group(1).equals(EngineSettings.SUPPORTED_VERSION)) {
                throw new InvalidInputException(lib + " is PyTorch " + version + "; this program's engine binding "
                        + "needs " + EngineSettings.SUPPORTED_VERSION + " (" + EngineSettings.SUPPORTED_FLAVOR + ")");
            }
            if (m.matches() && m.group(2) != null) {
                flavor = m.group(2).toLowerCase(Locale.ROOT);
                if (!flavor.startsWith("cu12")) {
                    throw new InvalidInputException(lib + " is PyTorch " + version + " built for " + flavor
                            + "; the engine binding has a JNI library for " + EngineSettings.SUPPORTED_FLAVOR
                            + " only (CUDA 12.x builds work with it)");
                }
            }
        }
        return new LibTorchFolder(lib, version, flavor, findCudart(lib).orElse(null));
    }

    private static String cudaName() {
        return "12.8 " + EngineSettings.SUPPORTED_VERSION;
    }

    /** libtorch's build-version file, or pip's torch/version.py. */
    static Optional<String> declaredVersion(Path lib) {
        try {
            Path buildVersion = lib.getParent() == null ? null : lib.getParent().resolve("build-version");
            if (buildVersion != null && Files.isRegularFile(buildVersion)) {
                return Optional.of(Files.readString(buildVersion).strip());
            }
            Path pip = lib.getParent() == null ? null : lib.getParent().resolve("version.py");
            if (pip != null && Files.isRegularFile(pip)) {
                Matcher m = PIP_VERSION.matcher(Files.readString(pip));
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        } catch (IOException e) {
            // unreadable: the version stays unknown
        }
        return Optional.empty();
    }

    /**
     * libcudart.so.12 from pip's nvidia-cuda-runtime package beside torch, or the copy a libtorch
     * archive carries in lib/ (there under a hashed name such as libcudart-1a2b3c4d.so.12).
     */
    static Optional<Path> findCudart(Path lib) {
        List<Path> candidates = new ArrayList<>();
        Path sitePackages = lib.getParent() == null ? null : lib.getParent().getParent();
        if (sitePackages != null) {
            candidates.add(sitePackages.resolve("nvidia").resolve("cuda_runtime").resolve("lib"));
        }
        candidates.add(lib);
        for (Path d : candidates) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                Optional<Path> hit = files.filter(f -> f.getFileName().toString().matches("libcudart(-[0-9a-f]+)?\\.so\\.12.*"))
                        .sorted()
                        .findFirst();
                if (hit.isPresent()) {
                    return hit;
                }
            } catch (IOException e) {
                // unreadable folder: try the next
            }
        }
        return Optional.empty();
    }

    /**
     * A folder where JNA finds the CUDA runtime as "cudart": the runtime's own folder when its file
     * is named libcudart.so.12, else a link of that name made in {@code linkRoot}.
     */
    public Path cudartSearchDir(Path linkRoot) throws IOException {
        if (cudart == null) {
            return null;
        }
        if (cudart.getFileName().toString().startsWith("libcudart.so")) {
            return cudart.getParent();
        }
        Files.createDirectories(linkRoot);
        Path link = linkRoot.resolve("libcudart.so.12");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, cudart.toAbsolutePath());
        return linkRoot;
    }

    /** These findings as the settings that make the engine load this folder. */
    public EngineSettings settings(Path cudartSearchDir) {
        return new EngineSettings(libraryDir.toString(), EngineSettings.SUPPORTED_VERSION, flavor,
                cudartSearchDir == null ? null : cudartSearchDir.toString());
    }
}
