package org.g2d2.core.io;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.g2d2.core.model.PackModels;
import org.g2d2.core.model.TokenGrid;

/**
 * A loaded model pack: its folder, manifest and networks. Closing it frees the weights.
 */
public record ModelPack(Path dir, PackManifest manifest, PackModels models, NDManager manager)
        implements AutoCloseable {

    public TokenGrid grid() {
        return manifest.tokens().grid();
    }

    /** "name version", the id a run record refers to. */
    public String id() {
        return manifest.name() + " " + manifest.version();
    }

    @Override
    public void close() {
        manager.close();
    }
}
