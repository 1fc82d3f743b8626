package org.g2d2.core.operator;

import ai.djl.ndarray.NDArray;

/**
 * Over-exposure, a nonlinear forward model: y = clip(g · (A x + 1) − 1, −1, 1), that is the
 * blurred image on the [0, 1] scale multiplied by the gain g &gt; 1 and clipped at white. The clip
 * has zero gradient where a pixel is saturated: there the likelihood tells the sampler only that
 * the pixel is bright enough, not how bright.
 */
public final class Saturation implements ForwardOperator {

    private final ForwardOperator blur;
    private final float gain;

    public Saturation(ForwardOperator blur, double gain) {
        this.blur = blur;
        this.gain = (float) gain;
    }

    @Override
    public NDArray apply(NDArray x) {
        return blur.apply(x).add(1f).mul(gain).sub(1f).clip(-1f, 1f);
    }

    /** The adjoint of the linear part g·A (the clip has none). */
    @Override
    public NDArray adjoint(NDArray y) {
        return blur.adjoint(y).mul(gain);
    }

    @Override
    public int[] outputSize(int height, int width) {
        return blur.outputSize(height, width);
    }

    @Override
    public void close() {
        blur.close();
    }

    /** The same model on plain Java images. */
    public static ImageMap onImages(ImageMap blur, double gain) {
        return x -> {
            org.g2d2.core.Image b = blur.apply(x);
            float[] out = new float[b.data().length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) Math.max(-1, Math.min(1, gain * (b.data()[i] + 1) - 1));
            }
            return new org.g2d2.core.Image(b.channels(), b.height(), b.width(), out);
        };
    }
}
