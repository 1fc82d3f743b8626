package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.g2d2.core.operator.OperatorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class G2D2SamplerTest {

    @TempDir
    Path dir;

    private static SamplerSettings settings(int steps, int iterations, double lr, long seed) {
        return new SamplerSettings(steps, iterations, 1e-4, 2, 1.0, lr, 1, 0.3, "star", 0.95, seed);
    }

    @Test
    void identityLowNoiseWeakKlRecoversTheTokens() throws Exception {
        try (ToyFixture toy = new ToyFixture(dir)) {
            int[] truth = toy.randomTokens(1);
            InverseProblem problem = toy.problem(OperatorSpec.identity(), truth, 0.01, 2);
            SamplerResult result = toy.sampler.run(toy.pack.manager(), problem, settings(20, 20, 15, 3),
                    SamplerListener.NONE, () -> false);
            int same = 0;
            for (int n = 0; n < truth.length; n++) {
                same += truth[n] == result.tokens()[n] ? 1 : 0;
            }
            assertThat(same).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * truth.length));
        }
    }

    @Test
    void sameSeedGivesBitIdenticalResults() throws Exception {
        try (ToyFixture toy = new ToyFixture(dir)) {
            InverseProblem problem = toy.problem(OperatorSpec.blur(1.0, 5), toy.randomTokens(4), 0.05, 5);
            List<SamplerResult> results = new ArrayList<>();
            for (long seed : new long[] {11, 11, 12}) {
                results.add(toy.sampler.run(toy.pack.manager(), problem, settings(10, 8, 15, seed),
                        SamplerListener.NONE, () -> false));
            }
            assertThat(results.get(1).tokens()).containsExactly(results.get(0).tokens());
            assertThat(results.get(1).image().data()).containsExactly(results.get(0).image().data());
            assertThat(results.get(2).tokens()).isNotEqualTo(results.get(0).tokens());
        }
    }
}
