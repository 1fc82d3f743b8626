package org.g2d2.core.operator;

import java.util.Base64;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.g2d2.core.InvalidInputException;

/**
 * Which pixels of an image are measured (known) for inpainting, y = M ⊙ x. At least one pixel
 * must be known, else there is nothing to restore from.
 *
 * @param known row-major, true where the pixel is measured
 */
public record InpaintingMask(int height, int width, boolean[] known) {

    public InpaintingMask {
        if (height < 1 || width < 1 || known.length != height * width) {
            throw new IllegalArgumentException("a " + width + "x" + height + " mask needs " + height * width
                    + " values; found " + known.length);
        }
        if (knownCount(known) == 0) {
            throw new InvalidInputException("the mask is all black: no pixel is known; white marks the known pixels");
        }
        known = known.clone();
    }

    public boolean isKnown(int row, int col) {
        return known[row * width + col];
    }

    public int knownCount() {
        return knownCount(known);
    }

    public int missingCount() {
        return known.length - knownCount();
    }

    private static int knownCount(boolean[] k) {
        int n = 0;
        for (boolean b : k) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The mask as 1 (known) and 0 (missing) values. */
    public float[] weights() {
        float[] w = new float[known.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = known[i] ? 1f : 0f;
        }
        return w;
    }

    /** Known and missing swapped. */
    public InpaintingMask inverted() {
        boolean[] k = new boolean[known.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = !known[i];
        }
        return new InpaintingMask(height, width, k);
    }

    /** A square hole of {@code side} pixels at a random position. */
    public static InpaintingMask box(int height, int width, int side, SplittableRandom rng) {
        if (side < 1 || side >= height || side >= width) {
            throw new InvalidInputException("the box hole is " + side + " pixels; it must be from 1 to one less than "
                    + "the image's shorter side (" + (Math.min(height, width) - 1) + ")");
        }
        boolean[] k = filled(height * width);
        int top = rng.nextInt(height - side + 1);
        int left = rng.nextInt(width - side + 1);
        for (int i = top; i < top + side; i++) {
            for (int j = left; j < left + side; j++) {
                k[i * width + j] = false;
            }
        }
        return new InpaintingMask(height, width, k);
    }

    /** Each pixel missing with probability {@code missing} (at least one stays known). */
    public static InpaintingMask randomPixels(int height, int width, double missing, SplittableRandom rng) {
        if (!(missing > 0 && missing < 1)) {
            throw new InvalidInputException("the missing fraction must be between 0 and 1 (exclusive); found "
                    + missing);
        }
        boolean[] k = new boolean[height * width];
        for (int i = 0; i < k.length; i++) {
            k[i] = rng.nextDouble() >= missing;
        }
        if (knownCount(k) == 0) {
            k[rng.nextInt(k.length)] = true;
        }
        return new InpaintingMask(height, width, k);
    }

    /**
     * {@code strokes} scribbles: random walks of about half the image's side, 2 pixels thick, as
     * scratches on a photograph.
     */
    public static InpaintingMask scribbles(int height, int width, int strokes, SplittableRandom rng) {
        if (strokes < 1 || strokes > 100) {
            throw new InvalidInputException("scribbles must be from 1 to 100 strokes; found " + strokes);
        }
        boolean[] k = filled(height * width);
        int length = Math.max(4, Math.min(height, width) / 2);
        for (int n = 0; n < strokes; n++) {
            double y = rng.nextInt(height);
            double x = rng.nextInt(width);
            double angle = rng.nextDouble() * 2 * Math.PI;
            for (int step = 0; step < length; step++) {
                angle += (rng.nextDouble() - 0.5) * 0.8;
                y = Math.max(0, Math.min(height - 1, y + Math.sin(angle)));
                x = Math.max(0, Math.min(width - 1, x + Math.cos(angle)));
                for (int dy = 0; dy <= 1; dy++) {
                    for (int dx = 0; dx <= 1; dx++) {
                        int i = Math.min(height - 1, (int) y + dy);
                        int j = Math.min(width - 1, (int) x + dx);
                        k[i * width + j] = false;
                    }
                }
            }
        }
        if (knownCount(k) == 0) {
            throw new InvalidInputException(strokes + " scribbles cover the whole " + width + "x" + height
                    + " image; use fewer");
        }
        return new InpaintingMask(height, width, k);
    }

    private static boolean[] filled(int n) {
        boolean[] k = new boolean[n];
        java.util.Arrays.fill(k, true);
        return k;
    }

    /** The known bits packed as Base64, for run records. */
    public String encode() {
        BitSet bits = new BitSet(known.length);
        for (int i = 0; i < known.length; i++) {
            bits.set(i, known[i]);
        }
        return Base64.getEncoder().encodeToString(bits.toByteArray());
    }

    public static InpaintingMask decode(int height, int width, String encoded) {
        BitSet bits = BitSet.valueOf(Base64.getDecoder().decode(encoded));
        boolean[] k = new boolean[height * width];
        for (int i = 0; i < k.length; i++) {
            k[i] = bits.get(i);
        }
        return new InpaintingMask(height, width, k);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InpaintingMask m && m.height == height && m.width == width
                && java.util.Arrays.equals(m.known, known);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + java.util.Arrays.hashCode(known);
    }

    @Override
    public String toString() {
        return "mask " + width + "x" + height + " (" + missingCount() + " missing)";
    }
}
