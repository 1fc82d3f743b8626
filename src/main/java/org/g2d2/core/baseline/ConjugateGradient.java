package org.g2d2.core.baseline;

import java.util.function.UnaryOperator;

/**
 * Conjugate gradients for S u = b with S symmetric positive (semi-)definite and given only as a
 * product u ↦ S u: the small linear solves of the baselines (Wiener for a general kernel, harmonic
 * inpainting), where S is never formed.
 */
final class ConjugateGradient {

    private ConjugateGradient() {
    }

    /**
     * @param start the first guess (not modified)
     * @param tolerance stop when ‖r‖ ≤ tolerance · ‖b‖
     */
    static double[] solve(UnaryOperator<double[]> s, double[] b, double[] start, int maxIterations, double tolerance) {
        double[] u = start.clone();
        double[] r = subtract(b, s.apply(u));
        double[] p = r.clone();
        double rr = dot(r, r);
        double stop = tolerance * tolerance * Math.max(dot(b, b), 1e-300);
        for (int k = 0; k < maxIterations && rr > stop; k++) {
            double[] sp = s.apply(p);
            double curvature = dot(p, sp);
            if (curvature <= 0) {
                break;
            }
            double alpha = rr / curvature;
            for (int i = 0; i < u.length; i++) {
                u[i] += alpha * p[i];
                r[i] -= alpha * sp[i];
            }
            double next = dot(r, r);
            double beta = next / rr;
            rr = next;
            for (int i = 0; i < p.length; i++) {
                p[i] = r[i] + beta * p[i];
            }
        }
        return u;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] subtract(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
