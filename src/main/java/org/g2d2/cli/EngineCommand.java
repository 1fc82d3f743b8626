package org.g2d2.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.g2d2.core.EngineProbe;
import org.g2d2.core.EngineReport;
import org.g2d2.core.EngineSettings;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.LibTorchFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code engine}: what the tensor engine runs on, and the opt-in ways to a CUDA build. */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = {"Show the PyTorch build in use, where it was loaded from, the devices it sees and why a GPU "
                + "is not used when it is not.",
            "Subcommands choose a CUDA build: 'use DIR' (a folder you have), 'install cuda' (a download you ask "
                + "for), 'reset' (back to the bundled CPU library)."},
        subcommands = {EngineCommand.Use.class, EngineCommand.Reset.class, EngineCommand.Install.class})
public final class EngineCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--settings-file", hidden = true, paramLabel = "FILE",
            description = "Engine settings file (default: engine.json in the user's config folder).")
    Path settingsFile;

    Path settingsFile() {
        return settingsFile != null ? settingsFile : EngineSettings.defaultFile();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EngineReport report = EngineProbe.probe();
        report.lines().forEach(out::println);
        EngineSettings saved = EngineSettings.load(settingsFile());
        out.println("settings:      " + settingsFile() + (saved == null ? " (none: the bundled library)"
                : " -> " + saved.libraryDir() + " (" + saved.flavor() + ")"));
        return report.loadError() == null ? 0 : 1;
    }

    /** {@code engine use DIR}: check a libtorch folder and save it for the following commands. */
    @Command(name = "use", mixinStandardHelpOptions = true,
            description = "Check a CUDA 12.8 PyTorch 2.7.1 folder (an unpacked libtorch, its lib/, or pip's "
                    + "torch/lib) and make the following commands load it. Finds the CUDA runtime beside it "
                    + "(pip's nvidia/cuda_runtime/lib, or the copy in libtorch's lib/).")
    static final class Use implements Callable<Integer> {

        @ParentCommand
        EngineCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The PyTorch library folder.")
        Path dir;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            LibTorchFolder folder = LibTorchFolder.inspect(dir);
            Path file = parent.settingsFile();
            Path cudartDir = folder.cudartSearchDir(file.toAbsolutePath().getParent().resolve("cudart"));
            EngineSettings settings = folder.settings(cudartDir);
            settings.save(file);
            out.println("engine: the following commands load " + folder.libraryDir());
            out.println("  PyTorch " + (folder.version() != null ? folder.version()
                    : "version not declared in the folder (assumed " + EngineSettings.SUPPORTED_VERSION + ")")
                    + ", flavour " + folder.flavor());
            out.println("  CUDA runtime: " + (folder.cudart() != null ? folder.cudart()
                    : "none beside it: the system's libcudart.so.12 is used (install the CUDA 12.8 runtime if "
                            + "`g2d2 engine` finds none)"));
            out.println("  saved in " + file + "; environment variables still win; `g2d2 engine reset` undoes it");
            out.println("check with: g2d2 engine");
            return 0;
        }
    }

    /** {@code engine reset}: forget the saved folder. */
    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Forget the folder 'engine use' or 'engine install' saved: back to the bundled CPU library.")
    static final class Reset implements Callable<Integer> {

        @ParentCommand
        EngineCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Path file = parent.settingsFile();
            boolean had = Files.deleteIfExists(file);
            spec.commandLine().getOut().println(had ? "engine: settings removed (" + file + "); the bundled CPU "
                    + "library from the next command on" : "engine: no settings to remove; the bundled CPU library "
                    + "is in use");
            return 0;
        }
    }

    /**
     * {@code engine install cuda}: the one place the program downloads, and only when asked: the
     * engine fetches its matching CUDA build into its own cache, then the folder is saved as with
     * {@code use}.
     */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Download PyTorch " + EngineSettings.SUPPORTED_VERSION + " for CUDA 12.8 ("
                    + EngineSettings.SUPPORTED_FLAVOR + ", a few GB) into the engine's cache, once, and make the "
                    + "following commands load it. Nothing else in the program downloads.",
                "Needs Linux x86-64, network access, and an NVIDIA driver 570 or newer to use it."})
    static final class Install implements Callable<Integer> {

        @ParentCommand
        EngineCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "WHAT", description = "cuda")
        String what;

        @Option(names = "--dry-run", description = "Say what would be downloaded and where; download nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws IOException {
            if (!"cuda".equals(what.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("'" + what + "' cannot be installed; allowed: cuda");
            }
            String os = System.getProperty("os.name", "") + " " + System.getProperty("os.arch", "");
            if (!os.startsWith("Linux") || !(os.endsWith("amd64") || os.endsWith("x86_64"))) {
                throw new InvalidInputException("the CUDA build is offered for Linux x86-64 only; this is " + os);
            }
            if (System.getenv("PYTORCH_LIBRARY_PATH") != null) {
                throw new InvalidInputException("PYTORCH_LIBRARY_PATH is set (" + System.getenv("PYTORCH_LIBRARY_PATH")
                        + ") and would override the download; unset it first");
            }
            PrintWriter out = spec.commandLine().getOut();
            Path cache = ai.djl.util.Utils.getEngineCacheDir("pytorch");
            out.println("engine: PyTorch " + EngineSettings.SUPPORTED_VERSION + " " + EngineSettings.SUPPORTED_FLAVOR
                    + " for linux-x86_64 (a few GB) will be downloaded by the engine into " + cache);
            if (dryRun) {
                out.println("engine: dry run, nothing downloaded");
                return 0;
            }
            if (EngineProbe.engineLoaded()) {
                throw new InvalidInputException("the engine is already loaded in this process; run `g2d2 engine "
                        + "install cuda` as a command of its own");
            }
            out.flush();
            EngineSettings downloaded = EngineDownload.run(cache,
                    parent.settingsFile().toAbsolutePath().getParent().resolve("cudart"), out);
            downloaded.save(parent.settingsFile());
            out.println("engine: saved in " + parent.settingsFile() + "; the following commands load "
                    + downloaded.libraryDir() + "; check with: g2d2 engine");
            return 0;
        }
    }

    /** Lets the engine download its CUDA build, with a line of progress every few seconds. */
    static final class EngineDownload {

        private EngineDownload() {
        }

        static EngineSettings run(Path cache, Path cudartLinks, PrintWriter out) throws IOException {
            // the engine downloads when asked for a version other than its bundled one; "2.7.1-0"
            // names the same release (the engine strips the build suffix for the download) and
            // gets its own cache folder, apart from the bundled CPU library's
            System.setProperty("ai.djl.offline", "false");
            System.clearProperty("PYTORCH_LIBRARY_PATH");      // a folder saved by `engine use` would win
            System.setProperty("PYTORCH_VERSION", EngineSettings.SUPPORTED_VERSION + "-0");
            System.setProperty("PYTORCH_FLAVOR", EngineSettings.SUPPORTED_FLAVOR);
            long before = size(cache);
            Thread progress = new Thread(() -> {
                long start = System.nanoTime();
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    out.printf(Locale.ROOT, "engine: downloading, %.0f MiB so far, %.0f s%n",
                            (size(cache) - before) / 1048576.0, (System.nanoTime() - start) / 1e9);
                    out.flush();
                }
            }, "download-progress");
            progress.setDaemon(true);
            progress.start();
            try {
                ai.djl.engine.Engine.getEngine("PyTorch");
            } catch (RuntimeException | LinkageError e) {
                throw new InvalidInputException("the download or load of the CUDA build failed: " + e.getMessage()
                        + "; nothing was saved, the bundled CPU library stays");
            } finally {
                progress.interrupt();
                System.setProperty("ai.djl.offline", "true");
            }
            String dir = ai.djl.pytorch.jni.LibUtils.getLibtorchPath();
            LibTorchFolder folder = LibTorchFolder.inspect(Path.of(dir));
            return folder.settings(folder.cudartSearchDir(cudartLinks));
        }

        private static long size(Path dir) {
            if (!Files.isDirectory(dir)) {
                return 0;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            } catch (IOException | java.io.UncheckedIOException e) {
                return 0;
            }
        }
    }
}
