package org.g2d2.core.sampler;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Row-wise operations on (L, K) log-probability tables stored flat, row-major. */
public final class Categorical {

    private Categorical() {
    }

    /** The most likely code of each row. */
    public static int[] argmax(float[] logProbs, int k) {
        int[] out = new int[logProbs.length / k];
        for (int row = 0; row < out.length; row++) {
            int off = row * k;
            int best = 0;
            for (int i = 1; i < k; i++) {
                if (logProbs[off + i] > logProbs[off + best]) {
                    best = i;
                }
            }
            out[row] = best;
        }
        return out;
    }

    /**
     * Draws one code per row from normalised log-probabilities. With {@code topMass} &lt; 1 the draw
     * is truncated first: only the most likely codes up to that cumulative mass remain.
     */
    public static int[] draw(float[] logProbs, int k, double topMass, RandomGenerator rng) {
        int rows = logProbs.length / k;
        int[] out = new int[rows];
        double[] p = new double[k];
        int[] kept = new int[k];
        boolean[] taken = new boolean[k];
        for (int row = 0; row < rows; row++) {
            int off = row * k;
            for (int i = 0; i < k; i++) {
                p[i] = Math.exp(logProbs[off + i]);
            }
            double u = rng.nextDouble();
            if (topMass >= 1) {
                out[row] = inverseCdf(p, k, u);
                continue;
            }
            // take the most likely codes one by one: after optimisation a row is peaked, so few are taken
            Arrays.fill(taken, false);
            double mass = 0;
            int keep = 0;
            while (keep < k && mass < topMass) {
                int best = -1;
                for (int i = 0; i < k; i++) {
                    if (!taken[i] && (best < 0 || p[i] > p[best])) {
                        best = i;
                    }
                }
                taken[best] = true;
                kept[keep++] = best;
                mass += p[best];
            }
            double target = u * mass;
            double acc = 0;
            int chosen = kept[keep - 1];
            for (int i = 0; i < keep; i++) {
                acc += p[kept[i]];
                if (target < acc) {
                    chosen = kept[i];
                    break;
                }
            }
            out[row] = chosen;
        }
        return out;
    }

    private static int inverseCdf(double[] p, int k, double u) {
        double total = 0;
        for (int i = 0; i < k; i++) {
            total += p[i];
        }
        double target = u * total;
        double acc = 0;
        for (int i = 0; i < k; i++) {
            acc += p[i];
            if (target < acc) {
                return i;
            }
        }
        return k - 1;
    }
}
