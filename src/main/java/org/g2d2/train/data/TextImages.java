package org.g2d2.train.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * {@code size} text crops rendered on demand: image i is sample (seed, i) of a {@link TextRenderer},
 * so a run and its resumption see the same images without storing any.
 */
public final class TextImages implements ImageSet {

    private final TextRenderer renderer;
    private final int size;
    private final long seed;

    public TextImages(TextRenderer renderer, int size, long seed) {
        this.renderer = renderer;
        this.size = size;
        this.seed = seed;
    }

    @Override
    public int size() {
        return size;
    }

    public TextRenderer renderer() {
        return renderer;
    }

    public int side() {
        return renderer.settings().side();
    }

    @Override
    public NDArray images(NDManager m, int[] indices) {
        int s = side();
        float[] all = new float[indices.length * s * s];
        for (int i = 0; i < indices.length; i++) {
            float[] p = renderer.sample(seed, indices[i]).pixels();
            for (int j = 0; j < p.length; j++) {
                all[i * s * s + j] = p[j] * 2f - 1f;
            }
        }
        return m.create(all, new Shape(indices.length, 1, s, s));
    }
}
