package org.g2d2.app.vm;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.g2d2.core.Image;
import org.g2d2.core.io.ImageFiles;

/**
 * The loaded picture at its own size and in its own channels (grey when every pixel is grey):
 * a decoded file or clipboard image, a pack sample, or the exact input of a run bundle. A batch
 * names its files first ({@link #pending}) and reads each when its turn comes.
 *
 * @param image the picture, or null while pending
 * @param alphaComposited whether transparency was composited over white on reading
 */
public record InputSource(String name, Image image, boolean alphaComposited) {

    /** A decoded picture, read at its own size. */
    public static InputSource of(String name, BufferedImage picture) {
        ImageFiles.Native n = ImageFiles.toNative(picture);
        return new InputSource(name, n.image(), n.alphaComposited());
    }

    /** An image used exactly as it is (a sample, a bundle's input). */
    public static InputSource exact(String name, Image image) {
        return new InputSource(name, image, false);
    }

    /** A file not read yet: {@code name} is its path. */
    static InputSource pending(Path file) {
        return new InputSource(file.toString(), null, false);
    }

    boolean isPending() {
        return image == null;
    }

    /** Reads a pending file (labelled {@code label}); a source already read is returned as it is. */
    InputSource read(String label) {
        if (!isPending()) {
            return this;
        }
        ImageFiles.Native n = ImageFiles.loadNative(Path.of(name));
        return new InputSource(label, n.image(), n.alphaComposited());
    }

    /** "70×45 colour" style text. */
    public String sizeText() {
        return image == null ? "" : image.width() + "\u00d7" + image.height() + (image.channels() == 3 ? " colour" : " grey");
    }
}
