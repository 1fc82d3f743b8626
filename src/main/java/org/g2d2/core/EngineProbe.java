package org.g2d2.core;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks at the engine this process loaded (loading it if needed) and says what it runs on: see
 * {@link EngineReport}. Reads, never changes: a process cannot swap its libtorch once loaded.
 */
public final class EngineProbe {

    /** DJL names its cache folders {version}-{flavor}-{platform}, e.g. 2.7.1-cpu-linux-x86_64. */
    private static final Pattern CACHE_DIR = Pattern.compile("\\d+\\.\\d+\\.\\d+(?:-\\d+)?-([a-z0-9]+)-\\w+-\\w+");

    private EngineProbe() {
    }

    public static EngineReport probe() {
        String source = source();
        String cuda = CudaRuntime.describe();
        Engine engine;
        try {
            engine = Engine.getInstance();
        } catch (RuntimeException | LinkageError e) {
            String why = describe(e);
            String chosen = System.getenv("PYTORCH_LIBRARY_PATH") != null ? System.getenv("PYTORCH_LIBRARY_PATH")
                    : System.getProperty("PYTORCH_LIBRARY_PATH");
            return new EngineReport(null, null, chosen, null, source,
                    List.of("cpu (no engine)"), cuda, "the engine did not load", oneLine(why));
        }
        String libraryDir = libraryDir();
        boolean cudaBuild = libraryDir != null && LibTorchFolder.CUDA_LIBRARIES.stream()
                .allMatch(n -> Files.isRegularFile(Path.of(libraryDir, n)));
        String flavor = flavor(libraryDir, cudaBuild);
        List<String> devices = new ArrayList<>();
        devices.add("cpu");
        int gpus = engine.getGpuCount();
        for (int i = 0; i < gpus; i++) {
            devices.add("gpu:" + i + computeCapability(i));
        }
        String reason = null;
        if (gpus == 0) {
            if (!cudaBuild) {
                reason = "the PyTorch library in use is a CPU-only build (" + flavor + ", no "
                        + String.join("/", LibTorchFolder.CUDA_LIBRARIES) + " in " + libraryDir + ")";
            } else {
                reason = "the CUDA build is loaded but " + CudaRuntime.whyNoGpu();
            }
        }
        return new EngineReport(engine.getVersion(), flavor, libraryDir, loadedLibrary("djl_torch"), source,
                devices, cuda, reason, null);
    }

    /** Whether this process has loaded the engine's native library already. */
    public static boolean engineLoaded() {
        return loadedLibrary("djl_torch") != null;
    }

    /** Why {@code --device gpu} cannot run, in one line, or null when a GPU is usable. */
    public static String whyNoGpu() {
        return probe().gpuUnavailable();
    }

    private static String source() {
        if (System.getenv("PYTORCH_LIBRARY_PATH") != null) {
            return "environment variable PYTORCH_LIBRARY_PATH";
        }
        if (System.getProperty("PYTORCH_LIBRARY_PATH") != null) {
            return "settings file " + EngineSettings.defaultFile() + " (g2d2 engine use)";
        }
        return "bundled CPU library (unpacked into the engine's cache)";
    }

    private static String libraryDir() {
        try {
            return ai.djl.pytorch.jni.LibUtils.getLibtorchPath();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static String flavor(String libraryDir, boolean cudaBuild) {
        if (libraryDir != null) {
            Matcher m = CACHE_DIR.matcher(Path.of(libraryDir).getFileName().toString());
            if (m.matches()) {
                return m.group(1);
            }
        }
        String declared = System.getenv("PYTORCH_FLAVOR") != null ? System.getenv("PYTORCH_FLAVOR")
                : System.getProperty("PYTORCH_FLAVOR");
        if (declared != null && cudaBuild == declared.startsWith("cu")) {
            return declared;
        }
        return cudaBuild ? "CUDA build" : "cpu";
    }

    private static String computeCapability(int gpu) {
        try {
            return " (compute capability " + ai.djl.util.cuda.CudaUtils.getComputeCapability(gpu) + ", "
                    + ai.djl.util.cuda.CudaUtils.getGpuMemory(Device.gpu(gpu)).getMax() / (1 << 20) + " MiB)";
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }

    /** The path of a loaded native library whose file name contains {@code name}, from /proc/self/maps. */
    static String loadedLibrary(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash >= 0 && Path.of(line.substring(slash)).getFileName().toString().contains(name)) {
                    return line.substring(slash);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }

    /** A failure and its causes' messages, in one line. */
    public static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 600; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (sb.indexOf(m) < 0) {
                sb.append(sb.length() == 0 ? "" : ": ").append(m);
            }
        }
        return oneLine(sb.toString());
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** The CUDA runtime library (libcudart), asked directly through JNA as the engine asks it. */
    static final class CudaRuntime {

        private interface Cudart extends Library {
            int cudaGetDeviceCount(int[] count);

            int cudaRuntimeGetVersion(int[] version);

            int cudaDriverGetVersion(int[] version);

            String cudaGetErrorString(int code);
        }

        private static Cudart load() {
            try {
                return Native.load("cudart", Cudart.class);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return null;
            }
        }

        static String describe() {
            Cudart c = load();
            if (c == null) {
                return "not found (no libcudart on the library path or jna.library.path)";
            }
            int[] runtime = new int[1];
            int[] driver = new int[1];
            int[] count = new int[1];
            c.cudaRuntimeGetVersion(runtime);
            c.cudaDriverGetVersion(driver);
            int err = c.cudaGetDeviceCount(count);
            String at = loadedLibrary("libcudart");
            return "runtime " + version(runtime[0]) + ", " + (driver[0] == 0 ? "no NVIDIA driver"
                    : "driver for CUDA up to " + version(driver[0])) + ", " + (err == 0 ? count[0] + " GPU(s)" : "error " + err + ": "
                    + c.cudaGetErrorString(err)) + (at == null ? "" : " (" + at + ")");
        }

        static String whyNoGpu() {
            Cudart c = load();
            if (c == null) {
                return "no CUDA runtime (libcudart.so.12) was found: `g2d2 engine use` finds pip's beside torch; "
                        + "else install the CUDA 12.8 runtime";
            }
            int[] count = new int[1];
            int err = c.cudaGetDeviceCount(count);
            if (err != 0) {
                return "the CUDA runtime reports: " + c.cudaGetErrorString(err) + " (CUDA 12.8 needs NVIDIA "
                        + "driver 570 or newer)";
            }
            return "the CUDA runtime sees no GPU (is CUDA_VISIBLE_DEVICES hiding them?)";
        }

        private static String version(int v) {
            return v / 1000 + "." + (v % 1000) / 10;
        }
    }
}
