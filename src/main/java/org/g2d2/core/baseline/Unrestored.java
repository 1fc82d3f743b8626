package org.g2d2.core.baseline;

import org.g2d2.core.Image;

/**
 * The blurred measurement itself, unrestored: the reference every deblurring method must beat
 * (for blur, y already has the image's size).
 */
public final class Unrestored implements ClassicalRestorer {

    @Override
    public String name() {
        return "unrestored";
    }

    @Override
    public String parameters() {
        return "x = y";
    }

    @Override
    public Image restore(Image measurement) {
        return measurement.clamped();
    }
}
