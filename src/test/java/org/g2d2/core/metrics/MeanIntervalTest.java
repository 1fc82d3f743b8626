package org.g2d2.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class MeanIntervalTest {

    @Test
    void tQuantilesMatchTables() {
        assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.7062, offset(1e-3));
        assertThat(StudentT.quantile(0.975, 4)).isCloseTo(2.7764, offset(1e-4));
        assertThat(StudentT.quantile(0.975, 19)).isCloseTo(2.0930, offset(1e-4));
        assertThat(StudentT.quantile(0.975, 99)).isCloseTo(1.9842, offset(1e-4));
        assertThat(StudentT.quantile(0.025, 9)).isCloseTo(-2.2622, offset(1e-4));
        assertThat(StudentT.cdf(0, 5)).isCloseTo(0.5, offset(1e-12));
    }

    @Test
    void intervalOfKnownSample() {
        // mean 3, sample sd √2.5, n 5: half-width 2.7764 · 1.5811 / √5 = 1.9632
        MeanInterval ci = MeanInterval.of95(new double[] {1, 2, 3, 4, 5});
        assertThat(ci.mean()).isEqualTo(3.0);
        assertThat(ci.halfWidth()).isCloseTo(1.9632, offset(1e-3));
        assertThat(ci.n()).isEqualTo(5);
        assertThat(ci.format(2)).isEqualTo("3.00 ± 1.96");
    }

    @Test
    void skipsNaNAndHandlesTinySamples() {
        assertThat(MeanInterval.of95(new double[] {Double.NaN, 4, Double.NaN}).format(1)).isEqualTo("4.0");
        assertThat(MeanInterval.of95(new double[] {Double.NaN}).format(1)).isEqualTo("–");
        assertThat(MeanInterval.of95(new double[] {2, 2, 2}).halfWidth()).isEqualTo(0.0);
    }

    @Test
    void cosineFeatureDistance() {
        assertThat(FeatureDistance.cosine(new float[] {1, 2, 3}, new float[] {2, 4, 6})).isCloseTo(0, offset(1e-12));
        assertThat(FeatureDistance.cosine(new float[] {1, 0}, new float[] {0, 5})).isCloseTo(1, offset(1e-12));
        assertThat(FeatureDistance.cosine(new float[] {0, 0}, new float[] {0, 0})).isEqualTo(0);
    }
}
