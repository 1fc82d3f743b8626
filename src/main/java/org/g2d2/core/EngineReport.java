package org.g2d2.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What the tensor engine runs on in this process, for people: the PyTorch build, where it was
 * loaded from, the devices it sees and, when no GPU is usable, why and how to fix it.
 *
 * @param version PyTorch's version, or null when the engine did not load
 * @param flavor the build: cpu, or a CUDA build such as cu128
 * @param libraryDir the folder libtorch was loaded from
 * @param jniLibrary the engine binding's native library
 * @param source how that folder was chosen (bundled, settings file, environment)
 * @param devices the devices the engine can run on, "cpu" first
 * @param cudaRuntime what the CUDA runtime says (version, driver, GPU count) or why it is absent
 * @param gpuUnavailable why no GPU is used, or null when one is
 * @param loadError why the engine failed to load, or null
 */
public record EngineReport(String version, String flavor, String libraryDir, String jniLibrary, String source,
                           List<String> devices, String cudaRuntime, String gpuUnavailable, String loadError) {

    /** The ways to a usable GPU, in one line. */
    public static final String GPU_FIX = "use a CUDA 12.8 build of PyTorch " + EngineSettings.SUPPORTED_VERSION
            + ": `g2d2 engine use DIR` (an unpacked libtorch or pip's torch/lib), or PYTORCH_LIBRARY_PATH=DIR "
            + "PYTORCH_VERSION=" + EngineSettings.SUPPORTED_VERSION + " PYTORCH_FLAVOR="
            + EngineSettings.SUPPORTED_FLAVOR + " (scripts/gpu-env.sh DIR), or `g2d2 engine install cuda` "
            + "(downloads it once)";

    public boolean gpuUsable() {
        return gpuUnavailable == null;
    }

    /** The report as "name: value" lines. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (loadError != null) {
            out.add("engine:        PyTorch did not load: " + loadError);
        } else {
            out.add("engine:        PyTorch " + version + " (" + flavor + ")");
        }
        out.add("library:       " + (libraryDir == null ? "-" : libraryDir));
        out.add("binding:       " + (jniLibrary == null ? "-" : jniLibrary));
        out.add("chosen by:     " + source);
        out.add("devices:       " + String.join(", ", devices));
        out.add("CUDA runtime:  " + cudaRuntime);
        if (gpuUnavailable != null) {
            out.add("GPU:           not used: " + gpuUnavailable);
            out.add("to use a GPU:  " + GPU_FIX);
        } else {
            out.add("GPU:           used by --device auto and gpu");
        }
        return out;
    }
}
