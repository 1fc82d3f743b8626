package org.g2d2.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.g2d2.core.model.nn.MaskedTransformer;
import org.g2d2.core.model.nn.TransformerConfig;
import org.g2d2.core.model.nn.TransformerPrior;
import org.g2d2.core.schedule.MaskSchedule;
import org.g2d2.core.schedule.NoiseProcess;
import org.junit.jupiter.api.Test;

class QualityEvalTest {

    @Test
    void unconditionalSamplesAreCompleteRepeatableAndDifferByProcess() {
        TransformerConfig cfg = new TransformerConfig(8, 3, 3, 16, 1, 2, 2);
        MaskSchedule schedule = MaskSchedule.of("cosine", 100);
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerPrior prior = new TransformerPrior(new MaskedTransformer(cfg, MaskedTransformer.init(m, cfg, 4)),
                    100, 1e-4);
            NoiseProcess star = NoiseProcess.of("star", schedule);
            NoiseProcess markov = NoiseProcess.of("markov", schedule);
            // 7 grids in batches of 3: the last batch is partial
            int[] a = QualityEval.sample(prior, schedule, star, 7, 10, 3, 9, m);
            int[] b = QualityEval.sample(prior, schedule, star, 7, 10, 3, 9, m);
            int[] c = QualityEval.sample(prior, schedule, markov, 7, 10, 3, 9, m);
            int[] d = QualityEval.sample(prior, schedule, star, 7, 10, 3, 10, m);
            assertThat(a).hasSize(7 * 9).containsExactly(b);
            for (int[] tokens : new int[][] {a, c, d}) {
                assertThat(Arrays.stream(tokens).allMatch(z -> z >= 0 && z < 8)).as("no mask left, valid codes").isTrue();
            }
            assertThat(c).isNotEqualTo(a);
            assertThat(d).isNotEqualTo(a);
            // an untrained prior is close to uniform: every code turns up among 63 tokens
            assertThat(Arrays.stream(a).distinct().count()).isEqualTo(8);
        }
    }
}
