package org.g2d2.app.vm;

import java.awt.image.BufferedImage;
import org.g2d2.core.Image;
import org.g2d2.core.io.ImageFiles;

/**
 * The loaded picture, before it is fitted to the pack: a decoded file or clipboard image, or an
 * exact image (from a run bundle) that is used as it is when its size fits, so a re-run sees the
 * very same values.
 */
public record InputSource(String name, BufferedImage picture, Image exact) {

    public static InputSource of(String name, BufferedImage picture) {
        return new InputSource(name, picture, null);
    }

    public static InputSource exact(String name, Image image) {
        return new InputSource(name, ImageFiles.toBufferedImage(image), image);
    }

    /** This source fitted to channels × height × width. */
    public Image fit(int channels, int height, int width) {
        if (exact != null && exact.channels() == channels && exact.height() == height && exact.width() == width) {
            return exact;
        }
        return ImageFiles.fit(picture, channels, height, width);
    }
}
