package org.g2d2.core.colour;

import org.g2d2.core.Image;

/**
 * The BT.601 luma–chroma split of an RGB image on the [−1, 1] scale: Y carries the brightness, Cb
 * and Cr the colour differences (zero for grey). The transform is linear and invertible, so a
 * linear operator applied per channel commutes with it: the luma of a blurred image is the blurred
 * luma.
 */
public final class YCbCr {

    static final float KR = 0.299f;
    static final float KG = 0.587f;
    static final float KB = 0.114f;

    private YCbCr() {
    }

    /** The planes of an RGB image: [0] luma, [1] Cb, [2] Cr, each one channel. */
    public static Image[] split(Image rgb) {
        requireRgb(rgb);
        int plane = rgb.height() * rgb.width();
        float[] y = new float[plane];
        float[] cb = new float[plane];
        float[] cr = new float[plane];
        float[] d = rgb.data();
        for (int i = 0; i < plane; i++) {
            float r = d[i];
            float g = d[plane + i];
            float b = d[2 * plane + i];
            float luma = KR * r + KG * g + KB * b;
            y[i] = luma;
            cb[i] = (b - luma) / (2 * (1 - KB));
            cr[i] = (r - luma) / (2 * (1 - KR));
        }
        return new Image[] {grey(rgb, y), grey(rgb, cb), grey(rgb, cr)};
    }

    /** The luma alone (what a grey pack restores). */
    public static Image luma(Image rgb) {
        return split(rgb)[0];
    }

    /** RGB from luma and the two chroma planes. */
    public static Image merge(Image luma, Image cb, Image cr) {
        int plane = luma.height() * luma.width();
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            float y = luma.data()[i];
            float cbv = cb.data()[i] * 2 * (1 - KB);
            float crv = cr.data()[i] * 2 * (1 - KR);
            float r = y + crv;
            float b = y + cbv;
            out[i] = r;
            out[plane + i] = (y - KR * r - KB * b) / KG;
            out[2 * plane + i] = b;
        }
        return new Image(3, luma.height(), luma.width(), out);
    }

    /** Grey to RGB by repeating the plane. */
    public static Image toRgb(Image grey) {
        int plane = grey.height() * grey.width();
        float[] out = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(grey.data(), 0, out, c * plane, plane);
        }
        return new Image(3, grey.height(), grey.width(), out);
    }

    private static Image grey(Image like, float[] plane) {
        return new Image(1, like.height(), like.width(), plane);
    }

    private static void requireRgb(Image image) {
        if (image.channels() != 3) {
            throw new IllegalArgumentException("expected an RGB image; found " + image.channels() + " channel(s)");
        }
    }
}
