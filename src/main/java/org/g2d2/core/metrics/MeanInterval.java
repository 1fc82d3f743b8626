package org.g2d2.core.metrics;

import java.util.Locale;

/**
 * A sample mean with its two-sided confidence interval from Student's t distribution:
 * mean ± t_{1−α/2, n−1} · s / √n, with s the sample standard deviation (n − 1 in the
 * denominator). It assumes independent observations whose mean is roughly normal (fine for the
 * averages of 20 or more images used here). NaN observations are skipped; with one observation
 * the half-width is NaN.
 *
 * @param n the number of finite observations used
 * @param halfWidth the interval is [mean − halfWidth, mean + halfWidth]
 */
public record MeanInterval(double mean, double halfWidth, int n, double level) {

    /** The mean and its 95% interval. */
    public static MeanInterval of95(double[] values) {
        return of(values, 0.95);
    }

    public static MeanInterval of(double[] values, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1); found " + level);
        }
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new MeanInterval(Double.NaN, Double.NaN, 0, level);
        }
        double mean = sum / n;
        if (n == 1) {
            return new MeanInterval(mean, Double.NaN, 1, level);
        }
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = StudentT.quantile(1 - (1 - level) / 2, n - 1);
        return new MeanInterval(mean, t * sd / Math.sqrt(n), n, level);
    }

    public double lower() {
        return mean - halfWidth;
    }

    /** "24.31 ± 0.52" with {@code decimals} places; "–" without data, "24.31" with one observation. */
    public String format(int decimals) {
        if (n == 0) {
            return "–";
        }
        String f = "%." + decimals + "f";
        if (Double.isNaN(halfWidth)) {
            return String.format(Locale.ROOT, f, mean);
        }
        return String.format(Locale.ROOT, f + " ± " + f, mean, halfWidth);
    }
}
