package org.g2d2.core.baseline;

import org.g2d2.core.Image;

/**
 * A linear baseline for over-exposure y = clip(g · A x) on the [0, 1] scale: it divides y by the
 * gain and restores with A alone, so it models the gain but ignores the clip (saturated pixels
 * are taken for values 1/g, darker than they were).
 */
final class GainUndone implements ClassicalRestorer {

    private final ClassicalRestorer linear;
    private final double gain;

    GainUndone(ClassicalRestorer linear, double gain) {
        this.linear = linear;
        this.gain = gain;
    }

    @Override
    public String name() {
        return linear.name();
    }

    @Override
    public String parameters() {
        return linear.parameters() + ", gain undone, clip ignored";
    }

    @Override
    public Image restore(Image y) {
        float[] v = new float[y.data().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((y.data()[i] + 1) / gain - 1);
        }
        return linear.restore(new Image(y.channels(), y.height(), y.width(), v));
    }
}
