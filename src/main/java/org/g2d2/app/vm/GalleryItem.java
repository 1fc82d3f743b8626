package org.g2d2.app.vm;

import java.nio.file.Path;
import org.g2d2.core.Image;

/** One of the pack's sample images, at its own size. */
public record GalleryItem(Path path, Image image) {

    public String name() {
        return path.getFileName().toString();
    }
}
