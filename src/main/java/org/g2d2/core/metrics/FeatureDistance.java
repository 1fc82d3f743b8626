package org.g2d2.core.metrics;

/**
 * A perceptual distance between two images: 1 − cos(f(a), f(b)), where f is the pack
 * classifier's penultimate-layer feature vector. 0 means the classifier "sees" the same thing,
 * 1 orthogonal features (2 opposite, which ReLU features never reach). Cosine ignores the
 * features' overall scale, so a faint but correct restoration is not punished for its contrast
 * alone. Like LPIPS it compares learned features rather than pixels, but with the pack's small
 * classifier instead of an ImageNet network, so values are only comparable within one pack.
 */
public final class FeatureDistance {

    private FeatureDistance() {
    }

    /** 1 − cosine similarity; 0 when both vectors are zero, 1 when only one is. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("feature vectors differ in length: " + a.length + " vs " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        if (na == 0 && nb == 0) {
            return 0;
        }
        if (na == 0 || nb == 0) {
            return 1;
        }
        return 1 - dot / Math.sqrt(na * nb);
    }
}
