package org.g2d2.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * An image on the JVM side: channel-major planes (C, H, W), values nominally in [−1, 1].
 * Immutable by convention: nobody writes into {@code data} after construction.
 */
public record Image(int channels, int height, int width, float[] data) {

    public Image {
        if (channels < 1 || height < 1 || width < 1 || data.length != channels * height * width) {
            throw new IllegalArgumentException("image " + channels + "x" + height + "x" + width
                    + " needs " + channels * height * width + " values; found " + data.length);
        }
    }

    /** Copies a (1, C, H, W) or (C, H, W) array. */
    public static Image of(NDArray array) {
        Shape s = array.getShape();
        int d = s.dimension();
        return new Image((int) s.get(d - 3), (int) s.get(d - 2), (int) s.get(d - 1),
                array.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray());
    }

    /** This image as a (1, C, H, W) array owned by {@code manager}. */
    public NDArray toNDArray(NDManager manager) {
        return manager.create(data, new Shape(1, channels, height, width));
    }

    public float get(int c, int y, int x) {
        return data[(c * height + y) * width + x];
    }

    /** Values clamped to [−1, 1]. */
    public Image clamped() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(-1f, Math.min(1f, data[i]));
        }
        return new Image(channels, height, width, out);
    }
}
