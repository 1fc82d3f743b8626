package org.g2d2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.g2d2.core.Json;
import org.g2d2.core.io.ToyPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine report on this CPU machine, and the engine folder checks on fake folders (nothing is loaded from them). */
class EngineCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return G2D2Cli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path settings() {
        return dir.resolve("config").resolve("engine.json");
    }

    private int engine(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "engine";
        all[1] = "--settings-file";
        all[2] = settings().toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return run(all);
    }

    @Test
    void reportsTheBundledCpuBuildItsFolderAndWhyNoGpu() {
        assertThat(engine()).as(err.toString()).isZero();
        String report = out.toString();
        assertThat(report).contains("engine:        PyTorch 2.7.1 (cpu)")
                .contains("chosen by:     bundled CPU library")
                .contains("devices:       cpu")
                .contains("GPU:           not used: the PyTorch library in use is a CPU-only build")
                .contains("PYTORCH_FLAVOR=cu128")
                .contains("(none: the bundled library)");
        String library = report.lines().filter(l -> l.startsWith("library:")).findFirst().orElseThrow()
                .substring("library:".length()).strip();
        assertThat(Path.of(library).resolve("libtorch.so")).isRegularFile();
    }

    @Test
    void deviceGpuWithoutAGpuFailsWithOneLineNamingTheFix() throws IOException {
        Path pack = dir.resolve("toy");
        ToyPacks.write(pack, ToyPacks.Spec.standard());
        int code = run("bench", "--model", pack.toString(), "--device", "gpu", "--repeats", "1");
        assertThat(code).isEqualTo(CliSupport.EXIT_BAD_INPUT);
        String line = err.toString().strip();
        assertThat(line).doesNotContain("\n").startsWith("error: device gpu was asked for but the PyTorch library "
                        + "in use is a CPU-only build")
                .contains("PYTORCH_LIBRARY_PATH=DIR PYTORCH_VERSION=2.7.1 PYTORCH_FLAVOR=cu128")
                .contains("g2d2 engine use DIR").contains("g2d2 engine install cuda").contains("--device cpu");
    }

    @Test
    void aFolderWithoutCudaLibrariesIsRefusedClearlyAndNothingIsSaved() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("libtorch-cpu").resolve("lib"));
        Files.writeString(lib.getParent().resolve("build-version"), "2.7.1+cpu\n");
        Files.createFile(lib.resolve("libtorch.so"));
        Files.createFile(lib.resolve("libc10.so"));
        assertThat(engine("use", lib.getParent().toString())).isEqualTo(CliSupport.EXIT_BAD_INPUT);
        assertThat(err.toString().strip()).doesNotContain("\n")
                .isEqualTo("error: " + lib + " holds a CPU-only PyTorch 2.7.1+cpu (no libc10_cuda.so, no "
                        + "libtorch_cuda.so): it cannot use a GPU; give a CUDA 12.8 2.7.1 build (the libtorch cu128 "
                        + "archive or pip's torch==2.7.1+cu128), or run: g2d2 engine install cuda");
        assertThat(settings()).doesNotExist();
    }

    @Test
    void aFolderWithoutLibtorchOrNotAFolderIsRefused() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(engine("use", empty.toString())).isEqualTo(CliSupport.EXIT_BAD_INPUT);
        assertThat(err.toString()).startsWith("error: no libtorch.so in " + empty);
        assertThat(engine("use", dir.resolve("missing").toString())).isEqualTo(CliSupport.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("error: engine folder " + dir.resolve("missing") + " is not a folder");
        assertThat(settings()).doesNotExist();
    }

    @Test
    void anotherPyTorchVersionIsRefused() throws IOException {
        Path lib = fakeCudaLibtorch("libtorch-old", "2.5.1+cu121");
        assertThat(engine("use", lib.getParent().toString())).isEqualTo(CliSupport.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("is PyTorch 2.5.1+cu121; this program's engine binding needs 2.7.1");
    }

    @Test
    void pipTorchLibIsSavedWithPipsCudaRuntimeFolder() throws IOException {
        Path site = dir.resolve("venv").resolve("site-packages");
        Path lib = Files.createDirectories(site.resolve("torch").resolve("lib"));
        for (String f : new String[] {"libtorch.so", "libc10.so", "libc10_cuda.so", "libtorch_cuda.so"}) {
            Files.createFile(lib.resolve(f));
        }
        Files.writeString(site.resolve("torch").resolve("version.py"), "__version__ = '2.7.1+cu128'\n");
        Path cudart = Files.createDirectories(site.resolve("nvidia").resolve("cuda_runtime").resolve("lib"));
        Files.createFile(cudart.resolve("libcudart.so.12"));

        assertThat(engine("use", lib.toString())).as(err.toString()).isZero();
        JsonObject saved = Json.GSON.fromJson(Files.readString(settings()), JsonObject.class);
        assertThat(saved.get("libraryDir").getAsString()).isEqualTo(lib.toString());
        assertThat(saved.get("version").getAsString()).isEqualTo("2.7.1");
        assertThat(saved.get("flavor").getAsString()).isEqualTo("cu128");
        assertThat(saved.get("cudartDir").getAsString()).isEqualTo(cudart.toString());
        assertThat(out.toString()).contains("PyTorch 2.7.1+cu128, flavour cu128").contains("check with: g2d2 engine");

        out.getBuffer().setLength(0);
        assertThat(engine()).isZero();
        assertThat(out.toString()).contains("settings:      " + settings() + " -> " + lib + " (cu128)");

        assertThat(engine("reset")).isZero();
        assertThat(settings()).doesNotExist();
    }

    @Test
    void libtorchArchiveGetsALinkToItsHashedCudaRuntime() throws IOException {
        Path lib = fakeCudaLibtorch("libtorch", "2.7.1+cu128");
        Path hashed = Files.createFile(lib.resolve("libcudart-a1b2c3d4.so.12"));
        assertThat(engine("use", lib.getParent().toString())).as(err.toString()).isZero();
        JsonObject saved = Json.GSON.fromJson(Files.readString(settings()), JsonObject.class);
        Path link = Path.of(saved.get("cudartDir").getAsString()).resolve("libcudart.so.12");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(hashed);
        assertThat(saved.get("libraryDir").getAsString()).isEqualTo(lib.toString());
    }

    @Test
    void installTakesOnlyCudaAndADryRunDownloadsNothing() {
        assertThat(engine("install", "rocm")).isEqualTo(CliSupport.EXIT_BAD_INPUT);
        assertThat(err.toString().strip()).isEqualTo("error: 'rocm' cannot be installed; allowed: cuda");

        assertThat(engine("install", "cuda", "--dry-run")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("will be downloaded by the engine into").contains("dry run, nothing downloaded");
        assertThat(settings()).doesNotExist();
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    }

    @Test
    void installRefusesOnceTheEngineIsLoadedInThisProcess() {
        Engine.getInstance();
        assertThat(engine("install", "cuda")).isEqualTo(CliSupport.EXIT_BAD_INPUT);
        assertThat(err.toString().strip()).startsWith("error: the engine is already loaded in this process");
        assertThat(settings()).doesNotExist();
    }

    private Path fakeCudaLibtorch(String name, String version) throws IOException {
        Path lib = Files.createDirectories(dir.resolve(name).resolve("lib"));
        Files.writeString(lib.getParent().resolve("build-version"), version + "\n");
        for (String f : new String[] {"libtorch.so", "libc10.so", "libc10_cuda.so", "libtorch_cuda.so"}) {
            Files.createFile(lib.resolve(f));
        }
        return lib;
    }
}
