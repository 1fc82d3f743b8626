package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.g2d2.core.Image;
import org.g2d2.core.model.TokenGrid;
import org.g2d2.core.model.TokenPrior;
import org.g2d2.core.schedule.MaskSchedule;
import org.g2d2.core.schedule.NoiseProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A frame's per-token states and progress, and unconditional sampling from the prior alone. */
class FrameAndPriorSamplerTest {

    private static final int MASK = 9;

    private static Frame frame(int index, int steps, int[] before, int[] after, Image preview) {
        return new Frame(index, steps, 80, 60, preview, preview, before, after, MASK, 3, 1, 1,
                new float[] {2f, 1f}, new float[] {0.5f, 0.25f}, 1e-3, 4.0, 1234L);
    }

    @Test
    void eachTokenSaysHowItChangedFromOneStateToTheNext() {
        int[] before = {MASK, MASK, 4, 4, 4};
        int[] after = {MASK, 2, MASK, 4, 5};
        Frame f = frame(0, 10, before, after, null);
        assertThat(f.tokenState(0)).isEqualTo(Frame.TokenState.MASKED);
        assertThat(f.tokenState(1)).isEqualTo(Frame.TokenState.NEWLY_COMMITTED);
        assertThat(f.tokenState(2)).isEqualTo(Frame.TokenState.REMASKED);
        assertThat(f.tokenState(3)).isEqualTo(Frame.TokenState.COMMITTED);
        assertThat(f.tokenState(4)).isEqualTo(Frame.TokenState.CHANGED);
    }

    @Test
    void progressCountsTheStepsDoneAndOtherImagesKeepEverythingElse() {
        int[] z = {1, MASK};
        assertThat(frame(0, 4, z, z, null).progress()).isEqualTo(0.25);
        assertThat(frame(3, 4, z, z, null).progress()).isEqualTo(1.0);
        Image a = new Image(1, 1, 1, new float[] {0.5f});
        Image b = new Image(1, 1, 1, new float[] {-0.5f});
        Frame f = frame(2, 5, z, z, a);
        Frame g = f.withImages(b, a);
        assertThat(g.preview()).isSameAs(b);
        assertThat(g.predictedMeasurement()).isSameAs(a);
        assertThat(g.withImages(f.preview(), f.predictedMeasurement())).isEqualTo(f);
        assertThat(g.elapsedNanos()).isEqualTo(1234L);
        assertThat(g.klLosses()).containsExactly(0.5f, 0.25f);
    }

    @Test
    void priorSamplingFromAllMasksWithOnlyTheTopTokenIsThePriorsArgmax(@TempDir Path dir) throws Exception {
        try (ToyFixture toy = new ToyFixture(dir); NDManager m = toy.pack.manager().newSubManager()) {
            TokenGrid grid = toy.pack.grid();
            TokenPrior prior = toy.pack.models().prior();
            MaskSchedule schedule = MaskSchedule.of(toy.pack.manifest().schedule().type(),
                    toy.pack.manifest().schedule().trainSteps());
            NoiseProcess star = NoiseProcess.of("star", schedule);
            int[] masked = new int[grid.length()];
            Arrays.fill(masked, grid.maskId());
            float[] logProbs;
            try (NDManager scratch = m.newSubManager()) {
                logProbs = prior.logProbs(scratch, masked, schedule.trainSteps()).toFloatArray();
            }
            int[] argmax = Categorical.argmax(logProbs, grid.codebookSize());

            int[] one = PriorSampler.sample(m, prior, grid, schedule, star, 1, 1e-9, new SplittableRandom(3));
            assertThat(one).containsExactly(argmax);

            // the whole distribution: every token a code, none masked, the seed decides
            int[] a = PriorSampler.sample(m, prior, grid, schedule, star, 3, 1.0, new SplittableRandom(1));
            int[] b = PriorSampler.sample(m, prior, grid, schedule, star, 3, 1.0, new SplittableRandom(2));
            int[] a2 = PriorSampler.sample(m, prior, grid, schedule, star, 3, 1.0, new SplittableRandom(1));
            assertThat(a).containsExactly(a2).isNotEqualTo(b);
            assertThat(Arrays.stream(a).min().getAsInt()).isNotNegative();
            assertThat(Arrays.stream(a).max().getAsInt()).isLessThan(grid.codebookSize());
            // the Markov process never truncates: even "top token only" draws vary with the seed
            NoiseProcess markov = NoiseProcess.of("markov", schedule);
            int[] c = PriorSampler.sample(m, prior, grid, schedule, markov, 1, 1e-9, new SplittableRandom(1));
            int[] d = PriorSampler.sample(m, prior, grid, schedule, markov, 1, 1e-9, new SplittableRandom(2));
            assertThat(c).isNotEqualTo(d);
        }
    }
}
