package org.g2d2.app.vm;

import java.nio.file.Path;
import java.util.List;
import org.g2d2.core.Restorer;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.io.PackLocator;

/** A model pack loaded on a device, with its restorer and sample images. */
public record LoadedPack(Path dir, ModelPack pack, Restorer restorer, List<Path> samples, String device)
        implements AutoCloseable {

    /** Loads a pack; call on the tensor thread. */
    public static LoadedPack load(Path dir, String deviceChoice) {
        ai.djl.Device device = TorchRuntime.device(deviceChoice);
        ModelPack pack = ModelPackLoader.load(dir, device);
        return new LoadedPack(dir, pack, new Restorer(pack), PackLocator.samples(dir, pack.manifest()),
                device.isGpu() ? "gpu " + device.getDeviceId() : "cpu");
    }

    public int channels() {
        return pack.manifest().image().channels();
    }

    public int height() {
        return pack.manifest().image().height();
    }

    public int width() {
        return pack.manifest().image().width();
    }

    public boolean onGpu() {
        return device.startsWith("gpu");
    }

    @Override
    public void close() {
        pack.close();
    }
}
