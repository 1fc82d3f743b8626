package org.g2d2.core.operator;

import org.g2d2.core.Image;

/** A linear {@link ImageMap} with its adjoint and its sizes, for the classical baselines. */
public interface LinearMap extends ImageMap {

    /** Aᵀ(y) for every channel of {@code y}. */
    Image adjoint(Image y);

    int inHeight();

    int inWidth();

    int outHeight();

    int outWidth();

    /** Refuses an image of another size than the map was built for. */
    static void requireSize(Image x, int height, int width) {
        if (x.height() != height || x.width() != width) {
            throw new IllegalArgumentException("operator takes " + height + "x" + width + " images; got "
                    + x.height() + "x" + x.width());
        }
    }
}
