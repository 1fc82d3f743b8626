package org.g2d2.app.view;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.g2d2.core.Image;
import org.g2d2.core.sampler.Frame;

/** Turns core images and frames into JavaFX pictures: plain images, token mask maps, residual heat maps. */
public final class FxImages {

    /** Mask-map colours, one per token state (committed tokens stay clear so the preview shows). */
    public static final Color MASKED = Color.rgb(30, 34, 42, 0.62);
    public static final Color NEWLY_COMMITTED = Color.rgb(46, 204, 113, 0.55);
    public static final Color REMASKED = Color.rgb(231, 76, 60, 0.70);
    public static final Color CHANGED = Color.rgb(155, 89, 182, 0.70);
    public static final Color COMMITTED = Color.TRANSPARENT;

    private FxImages() {
    }

    /** An image in [−1, 1] (values clamped), grey or colour. */
    public static WritableImage of(Image image) {
        int w = image.width();
        int plane = image.height() * w;
        float[] d = image.data();
        boolean colour = image.channels() == 3;
        int[] pixels = new int[plane];
        for (int p = 0; p < plane; p++) {
            int r = toByte(d[p]);
            int g = colour ? toByte(d[plane + p]) : r;
            int b = colour ? toByte(d[2 * plane + p]) : r;
            pixels[p] = 0xff000000 | (r << 16) | (g << 8) | b;
        }
        WritableImage out = new WritableImage(w, image.height());
        out.getPixelWriter().setPixels(0, 0, w, image.height(), PixelFormat.getIntArgbInstance(), pixels, 0, w);
        return out;
    }

    /**
     * The token grid coloured by how each token changed in this step, at the image's own
     * {@code height} × {@code width} pixels (token (r, c) covers pixels from (r·stride, c·stride);
     * tokens of the padding beyond the image are not drawn), so it lies exactly over the image.
     */
    public static WritableImage maskMap(Frame frame, int gridHeight, int gridWidth, int height, int width, int stride) {
        int[] colours = new int[Frame.TokenState.values().length];
        for (Frame.TokenState t : Frame.TokenState.values()) {
            colours[t.ordinal()] = argb(switch (t) {
                case MASKED -> MASKED;
                case NEWLY_COMMITTED -> NEWLY_COMMITTED;
                case REMASKED -> REMASKED;
                case CHANGED -> CHANGED;
                case COMMITTED -> COMMITTED;
            });
        }
        int[] tokenColour = new int[gridHeight * gridWidth];
        for (int n = 0; n < tokenColour.length; n++) {
            tokenColour[n] = colours[frame.tokenState(n).ordinal()];
        }
        int[] pixels = new int[height * width];
        for (int y = 0; y < height; y++) {
            int row = Math.min(gridHeight - 1, y / stride) * gridWidth;
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = tokenColour[row + Math.min(gridWidth - 1, x / stride)];
            }
        }
        WritableImage out = new WritableImage(width, height);
        out.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return out;
    }

    private static int argb(Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    /**
     * |y − A(x̂)| per pixel (channel mean), black → red → yellow → white, full scale at
     * {@code fullScale} (e.g. 3σ_y, so noise-level residuals stay dark).
     */
    public static WritableImage residual(Image y, Image ax, double fullScale) {
        WritableImage out = new WritableImage(y.width(), y.height());
        PixelWriter w = out.getPixelWriter();
        int plane = y.height() * y.width();
        for (int p = 0; p < plane; p++) {
            double sum = 0;
            for (int c = 0; c < y.channels(); c++) {
                sum += Math.abs(y.data()[c * plane + p] - ax.data()[c * plane + p]);
            }
            double v = Math.min(1, sum / y.channels() / fullScale);
            w.setColor(p % y.width(), p / y.width(), heat(v));
        }
        return out;
    }

    /** A perceptually ordered heat colour for v in [0, 1]. */
    public static Color heat(double v) {
        double r = Math.min(1, v * 3);
        double g = Math.min(1, Math.max(0, v * 3 - 1));
        double b = Math.min(1, Math.max(0, v * 3 - 2));
        return Color.color(r, g, b);
    }

    private static int toByte(float v) {
        return Math.round(Math.max(0f, Math.min(1f, (v + 1) / 2)) * 255f);
    }
}
