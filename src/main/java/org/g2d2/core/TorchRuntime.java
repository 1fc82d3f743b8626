package org.g2d2.core;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * Process-wide settings of the tensor engine, applied before it first loads: offline (the native
 * library comes from the class path or the folder {@code g2d2 engine use} saved, never a download)
 * and the number of intra-op threads.
 *
 * <p>One thread is the default because it makes CPU results bit-identical from run to run: with
 * more, the math library may split reductions differently when the machine is busy.
 */
public final class TorchRuntime {

    public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    private TorchRuntime() {
    }

    /** Call before the first tensor is made; {@code threads} ≤ 0 keeps what is already set (default 1). */
    public static void configure(int threads) {
        System.setProperty("ai.djl.offline", "true");
        EngineSettings.applySaved();
        capOneDnnIsa();
        keepFreedNativeMemory();
        if (threads > 0) {
            System.setProperty(THREADS_PROPERTY, Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        } else if (System.getProperty(THREADS_PROPERTY) == null) {
            System.setProperty(THREADS_PROPERTY, "1");
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    /**
     * libtorch 2.7.1's oneDNN convolution backward gave non-repeatable (sometimes NaN) input
     * gradients on this project's CPUs with its AVX-512 kernels; capped at AVX2 they repeat. The
     * library reads the variable when it first dispatches a kernel, so setting it in this process
     * before the first convolution is enough. A value the user already set is kept.
     */
    private static void capOneDnnIsa() {
        setIfUnset(ONEDNN_ISA, "AVX2");
    }

    /**
     * The sampler allocates and frees tensors of a few hundred KiB every iteration. glibc serves
     * blocks of that size with fresh mappings and trims the heap top after frees, so every
     * iteration paid for new, zeroed pages (the page faults cost more than the arithmetic on this
     * project's VMs: about 7 % of an interactive restore). Raising the mmap and trim thresholds keeps
     * freed blocks in the process for reuse: the resident size stays near its peak rather than
     * shrinking and growing again every iteration. The mmap threshold cannot be raised past 32 MiB,
     * and an image of 512×512 pixels has arrays of L·K floats of exactly that size (α, its moments,
     * the noise, the gradient), so mappings are switched off altogether: with them, those arrays
     * cost 30 % more time (measured: 39 s against 27 s for 2 steps of 15 iterations at 512×512;
     * 512×496, just under the threshold, took 26 s either way).
     */
    private static void keepFreedNativeMemory() {
        try {
            CLibrary c = CLibrary.INSTANCE;
            c.mallopt(M_MMAP_THRESHOLD, 32 << 20);
            c.mallopt(M_MMAP_MAX, 0);
            c.mallopt(M_TRIM_THRESHOLD, 1 << 30);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // not glibc: the allocator's defaults stay
        }
    }

    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int M_MMAP_MAX = -4;

    private static void setIfUnset(String name, String value) {
        if (System.getenv(name) != null) {
            return;
        }
        try {
            CLibrary.INSTANCE.setenv(name, value, 0);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // not glibc (another platform): the engine's defaults stay
        }
    }

    private static final String ONEDNN_ISA = "ONEDNN_MAX_CPU_ISA";

    private static volatile boolean quieted;

    /**
     * Raises libtorch's own C++ log threshold to errors. On CPUs without NNPACK support, libtorch
     * 2.7.1 prints "Could not initialize NNPACK! Reason: Unsupported hardware." to the terminal
     * at every convolution; the threshold is the library's exported {@code FLAGS_caffe2_log_level}.
     * Needs the engine loaded; harmless where the library or symbol is absent.
     */
    public static void quietNativeWarnings() {
        if (quieted) {
            return;
        }
        quieted = true;
        try {
            Engine.getInstance();
            java.util.List<String> maps = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/maps"));
            loaded(maps, "/libc10.so").getGlobalVariableAddress("FLAGS_caffe2_log_level").setInt(0, 2);
            skipNnpack(loaded(maps, "/libtorch_cpu.so"));
        } catch (java.io.IOException | UnsatisfiedLinkError | RuntimeException e) {
            // another platform or library build: its warnings stay as they are
        }
    }

    /**
     * Turns NNPACK off, as {@code torch.backends.nnpack.enabled = False} does. Every convolution
     * (forward and backward) first asks whether NNPACK is available, and where the CPU lacks it each
     * ask builds that warning again: about 1 % of a decoder forward+backward (27 µs of 2.2 ms,
     * measured). libtorch picks NNPACK only for batches of 16 or more, so results do not change.
     */
    private static void skipNnpack(com.sun.jna.NativeLibrary torch) {
        com.sun.jna.Pointer context = torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
        torch.getFunction("_ZN2at7Context20setUserEnabledNNPACKEb").invokeVoid(new Object[] {context, 0});
    }

    /** Whether libtorch may pick NNPACK for a convolution (false once a pack has loaded, on Linux). */
    public static boolean nnpackEnabled() throws java.io.IOException {
        com.sun.jna.NativeLibrary torch = loaded(java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/maps")),
                "/libtorch_cpu.so");
        com.sun.jna.Pointer context = torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
        return (torch.getFunction("_ZNK2at7Context17userEnabledNNPACKEv").invokeInt(new Object[] {context}) & 0xff) != 0;
    }

    private static com.sun.jna.NativeLibrary loaded(java.util.List<String> maps, String suffix) {
        for (String line : maps) {
            int slash = line.indexOf('/');
            if (slash >= 0 && line.endsWith(suffix)) {
                return com.sun.jna.NativeLibrary.getInstance(line.substring(slash));
            }
        }
        throw new UnsatisfiedLinkError(suffix + " is not loaded");
    }

    /** The C library's setenv and mallopt, through JNA (which comes with the engine). */
    private interface CLibrary extends com.sun.jna.Library {
        CLibrary INSTANCE = com.sun.jna.Native.load("c", CLibrary.class);

        int setenv(String name, String value, int overwrite);

        int mallopt(int param, int value);
    }

    /**
     * Stops the engine recording operations for autograd on the calling thread outside a gradient
     * collector. The engine does this only for the thread that first loads it; other threads start
     * with recording on, where an in-place update of a parameter that requires gradients fails.
     */
    public static void gradientsOffOnThisThread() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        }
    }

    /** Changes the intra-op thread count of a running engine (for benchmarks comparing counts). */
    public static void setThreads(int threads) {
        if (Engine.getInstance().getEngineName().equals("PyTorch")) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        }
    }

    /** The engine's current intra-op thread count. */
    public static int threads() {
        return ai.djl.pytorch.jni.JniUtils.getNumThreads();
    }

    /** "auto" (a GPU when the engine sees one, else the CPU), "cpu" or "gpu". */
    public static Device device(String choice) {
        String c = choice == null ? "auto" : choice.toLowerCase(Locale.ROOT);
        return switch (c) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpuCount() == 0) {
                    throw new InvalidInputException("device gpu was asked for but " + EngineProbe.whyNoGpu()
                            + "; to fix: " + EngineReport.GPU_FIX + "; or use --device cpu");
                }
                yield Device.gpu();
            }
            case "auto" -> gpuCount() > 0 ? Device.gpu() : Device.cpu();
            default -> throw new InvalidInputException("device '" + choice + "' is unknown; allowed: auto, cpu, gpu");
        };
    }

    /** "cpu" or "gpu:0": the device as people write it. */
    public static String describe(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }

    public static int gpuCount() {
        return Engine.getInstance().getGpuCount();
    }
}
