package org.g2d2.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class SoakSlopeTest {

    private static List<Soak.Sample> rss(double... mib) {
        List<Soak.Sample> out = new ArrayList<>();
        for (int i = 0; i < mib.length; i++) {
            out.add(new Soak.Sample(10 * (i + 1), mib[i], 0, 0, 0));
        }
        return out;
    }

    @Test
    void aSteadyGrowthGivesTheSameSlopeBothWays() {
        List<Soak.Sample> s = rss(100, 102, 104, 106, 108);
        assertThat(Soak.slope(s, Soak.Sample::rssMiB)).isCloseTo(0.2, within(1e-12));
        assertThat(Soak.medianSlope(s, Soak.Sample::rssMiB)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void aTransientPeakMovesLeastSquaresButNotTheMedianOfPairs() {
        List<Soak.Sample> s = rss(100, 100, 100, 100, 140, 100, 100);
        assertThat(Soak.slope(s, Soak.Sample::rssMiB)).isGreaterThan(0.05);
        assertThat(Soak.medianSlope(s, Soak.Sample::rssMiB)).isZero();
    }

    @Test
    void cancelsFromTheGivenPollOn() {
        BooleanSupplier c = Soak.cancelAtPoll(3);
        assertThat(new boolean[] {c.getAsBoolean(), c.getAsBoolean(), c.getAsBoolean(), c.getAsBoolean()})
                .containsExactly(false, false, true, true);
    }
}
