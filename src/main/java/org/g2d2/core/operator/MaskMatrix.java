package org.g2d2.core.operator;

import org.g2d2.core.Image;

/** Inpainting's A x = M ⊙ x on plain Java images (self-adjoint). */
public record MaskMatrix(InpaintingMask mask) implements LinearMap {

    @Override
    public Image apply(Image x) {
        LinearMap.requireSize(x, mask.height(), mask.width());
        int plane = mask.height() * mask.width();
        float[] out = x.data().clone();
        for (int i = 0; i < out.length; i++) {
            if (!mask.known()[i % plane]) {
                out[i] = 0f;
            }
        }
        return new Image(x.channels(), x.height(), x.width(), out);
    }

    @Override
    public Image adjoint(Image y) {
        return apply(y);
    }

    @Override
    public int inHeight() {
        return mask.height();
    }

    @Override
    public int inWidth() {
        return mask.width();
    }

    @Override
    public int outHeight() {
        return mask.height();
    }

    @Override
    public int outWidth() {
        return mask.width();
    }
}
