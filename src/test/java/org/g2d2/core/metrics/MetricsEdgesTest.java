package org.g2d2.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The edges of the metrics: a zero feature vector on one side only, and the t quantile's domain. */
class MetricsEdgesTest {

    @Test
    void aZeroFeatureVectorAgainstAnyOtherIsAsFarAsPossible() {
        assertThat(FeatureDistance.cosine(new float[] {0, 0}, new float[] {3, 4})).isEqualTo(1);
        assertThat(FeatureDistance.cosine(new float[] {3, 4}, new float[] {0, 0})).isEqualTo(1);
        assertThat(FeatureDistance.cosine(new float[] {3, 4}, new float[] {-3, -4})).isCloseTo(2, within(1e-12));
    }

    @Test
    void theTQuantileNamesTheArgumentOutsideItsDomain() {
        // p = 0 must be refused as itself, not passed on as 1 − p
        assertThatThrownBy(() -> StudentT.quantile(0, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("found p=0.0 df=5.0");
        assertThatThrownBy(() -> StudentT.quantile(1, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("found p=1.0 df=5.0");
        assertThatThrownBy(() -> StudentT.quantile(0.5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("found p=0.5 df=0.0");
        assertThatThrownBy(() -> StudentT.quantile(Double.NaN, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMedianOfTIsZeroAndTheCdfIsSymmetric() {
        assertThat(StudentT.cdf(0, 3)).isEqualTo(0.5);
        assertThat(StudentT.quantile(0.5, 7)).isCloseTo(0, within(1e-9));
        assertThat(StudentT.cdf(-1.5, 4) + StudentT.cdf(1.5, 4)).isCloseTo(1, within(1e-14));
    }
}
