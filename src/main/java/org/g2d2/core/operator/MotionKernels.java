package org.g2d2.core.operator;

import java.util.List;
import java.util.Locale;

/**
 * Linear motion-blur kernels: a straight path of a given length and angle, the camera (or the
 * object) moving at constant speed during the exposure. The path is sampled densely and each
 * sample spread over its four nearest pixels (bilinear), so short and diagonal paths stay smooth.
 */
public final class MotionKernels {

    /** The kernels shipped under assets/kernels: length in pixels and angle in degrees. */
    public static final List<double[]> SHIPPED = List.of(
            new double[] {7, 0}, new double[] {9, 45}, new double[] {11, 100}, new double[] {15, 30});

    private MotionKernels() {
    }

    /** A line of {@code length} pixels at {@code degrees} (counter-clockwise from the x axis). */
    public static ConvolutionKernel line(double length, double degrees) {
        if (!(length >= 1 && length <= ConvolutionKernel.MAX_SIDE - 2)) {
            throw new IllegalArgumentException("motion length must be from 1 to " + (ConvolutionKernel.MAX_SIDE - 2)
                    + " pixels; found " + length);
        }
        int side = 2 * (int) Math.ceil(length / 2) + 1;
        int c = side / 2;
        float[] w = new float[side * side];
        double dx = Math.cos(Math.toRadians(degrees));
        double dy = -Math.sin(Math.toRadians(degrees));
        int samples = (int) Math.ceil(length * 16);
        for (int k = 0; k <= samples; k++) {
            double t = (k / (double) samples - 0.5) * (length - 1);
            double x = c + t * dx;
            double y = c + t * dy;
            int x0 = (int) Math.floor(x);
            int y0 = (int) Math.floor(y);
            double fx = x - x0;
            double fy = y - y0;
            add(w, side, y0, x0, (1 - fy) * (1 - fx));
            add(w, side, y0, x0 + 1, (1 - fy) * fx);
            add(w, side, y0 + 1, x0, fy * (1 - fx));
            add(w, side, y0 + 1, x0 + 1, fy * fx);
        }
        return new ConvolutionKernel(fileName(length, degrees), side, side, w);
    }

    private static void add(float[] w, int side, int row, int col, double v) {
        if (row >= 0 && row < side && col >= 0 && col < side) {
            w[row * side + col] += (float) v;
        }
    }

    /** e.g. "motion-9px-45deg.png". */
    public static String fileName(double length, double degrees) {
        return String.format(Locale.ROOT, "motion-%dpx-%ddeg.png", Math.round(length), Math.round(degrees));
    }
}
