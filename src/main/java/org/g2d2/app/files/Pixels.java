package org.g2d2.app.files;

import java.awt.image.BufferedImage;

/** Small pixel helpers for written files. */
public final class Pixels {

    private Pixels() {
    }

    /** Nearest-neighbour enlargement: each pixel becomes a scale × scale block. */
    public static BufferedImage enlarge(BufferedImage src, int scale) {
        if (scale <= 1) {
            return src;
        }
        BufferedImage out = new BufferedImage(src.getWidth() * scale, src.getHeight() * scale,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, src.getRGB(x / scale, y / scale));
            }
        }
        return out;
    }

    /** The scale that makes an image of this size about {@code target} pixels wide, at least 1. */
    public static int scaleFor(int width, int target) {
        return Math.max(1, target / Math.max(1, width));
    }
}
