package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.g2d2.core.operator.OperatorSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of the guidance objective that a restore can survive without: the Gumbel noise, the
 * temperature, the KL term and the per-step schedules. Each test compares the per-iteration
 * losses the sampler reports, which change exactly when the objective it optimises changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class G2D2GuidanceTest {

    ToyFixture toy;
    InverseProblem problem;

    @BeforeAll
    void load(@TempDir Path dir) throws Exception {
        toy = new ToyFixture(dir);
        problem = toy.problem(OperatorSpec.blur(1.0, 5), toy.randomTokens(21), 0.05, 4);
    }

    @AfterAll
    void close() {
        toy.close();
    }

    private static SamplerSettings settings(int steps, int iterations, double kl, double klDecay, double temperature,
                                            double lr, double lrDecay, long seed) {
        return new SamplerSettings(steps, iterations, kl, klDecay, temperature, lr, lrDecay, 0.3, "star", 0.95, seed);
    }

    private List<Frame> frames(SamplerSettings s) {
        List<Frame> frames = new ArrayList<>();
        SamplerListener recorder = new SamplerListener() {
            @Override
            public void onFrame(Frame frame) {
                frames.add(frame);
            }

            @Override
            public boolean wantsPreviews() {
                return false;
            }
        };
        toy.sampler.run(toy.pack.manager(), problem, s, recorder, () -> false);
        return frames;
    }

    /** The first iteration's likelihood: α is the prior there, so only the noise and τ move it. */
    private double firstLikelihood(double temperature, long seed) {
        return frames(settings(1, 1, 1e-4, 0, temperature, 1, 0, seed)).get(0).likelihoodLosses()[0];
    }

    @Test
    void gumbelNoiseMakesTheRelaxedSampleDependOnTheSeed() {
        // without the noise π = softmax(α/τ) would be the same for every seed at the first iteration
        double a = firstLikelihood(1.0, 1);
        double b = firstLikelihood(1.0, 2);
        double c = firstLikelihood(1.0, 3);
        assertThat(Math.abs(a - b) + Math.abs(b - c)).isGreaterThan(1e-3);
        assertThat(firstLikelihood(1.0, 2)).isEqualTo(b);
    }

    @Test
    void temperatureScalesTheNoisyLogits() {
        // a large τ flattens π towards uniform whatever the noise, a small one makes it one-hot
        double hotSpread = Math.abs(firstLikelihood(0.05, 1) - firstLikelihood(0.05, 2));
        double unitSpread = Math.abs(firstLikelihood(1.0, 1) - firstLikelihood(1.0, 2));
        double coldSpread = Math.abs(firstLikelihood(100, 1) - firstLikelihood(100, 2));
        assertThat(coldSpread).isLessThan(unitSpread / 10);
        assertThat(firstLikelihood(0.5, 1)).isNotEqualTo(firstLikelihood(1.0, 1));
        assertThat(hotSpread).isGreaterThan(coldSpread);
    }

    @Test
    void theKlTermEntersTheObjective() {
        // α starts at the prior (KL 0), so the first iteration's losses agree with and without the term; its
        // weight then changes every later iterate, and the frame reports the weight used
        Frame free = frames(settings(1, 4, 0, 0, 1, 0.5, 0, 5)).get(0);
        Frame held = frames(settings(1, 4, 2, 0, 1, 0.5, 0, 5)).get(0);
        assertThat(free.klLosses()[0]).isCloseTo(0f, within(1e-3f));
        assertThat(held.klLosses()[0]).isEqualTo(free.klLosses()[0]);
        assertThat(held.likelihoodLosses()[0]).isEqualTo(free.likelihoodLosses()[0]);
        for (int m = 1; m < 4; m++) {
            assertThat(held.klLosses()[m]).as("iteration %d", m).isNotEqualTo(free.klLosses()[m]);
        }
        assertThat(free.klLosses()[3]).isGreaterThan(free.klLosses()[1]);
        assertThat(held.klWeight()).isEqualTo(2);
        assertThat(free.klWeight()).isZero();
    }

    @Test
    void eachStepOptimisesWithItsOwnLearningRateAndKlWeight() {
        // N = 3 puts the first step at u = 0: lr_0 = lr·10^{w/2}. A run with lr = 1.5, w = 2 and one with
        // lr = 15, w = 0 agree on step 0 bit for bit and part at step 1 (1.5 against 15)
        List<Frame> decaying = frames(settings(3, 6, 0.25, 2, 1, 1.5, 2, 9));
        List<Frame> flat = frames(settings(3, 6, 2.5, 0, 1, 15, 0, 9));
        assertThat(decaying.get(0).likelihoodLosses()).containsExactly(flat.get(0).likelihoodLosses());
        assertThat(decaying.get(0).klLosses()).containsExactly(flat.get(0).klLosses());
        assertThat(decaying.get(0).state()).containsExactly(flat.get(0).state());
        assertThat(decaying.get(1).likelihoodLosses()).isNotEqualTo(flat.get(1).likelihoodLosses());
        // the frames report what was used
        assertThat(decaying.get(0).learningRate()).isCloseTo(15, within(1e-9));
        assertThat(decaying.get(1).learningRate()).isCloseTo(1.5, within(1e-12));
        assertThat(decaying.get(2).learningRate()).isCloseTo(0.15, within(1e-12));
        assertThat(decaying.get(0).klWeight()).isCloseTo(2.5, within(1e-12));
        assertThat(decaying.get(2).klWeight()).isCloseTo(0.025, within(1e-12));
    }

    @Test
    void framesCountTokensAsTheStatesSay() {
        List<Frame> frames = frames(settings(6, 2, 3e-4, 2, 1, 10, 1, 2));
        assertThat(frames).hasSize(6);
        for (Frame f : frames) {
            int committed = 0;
            int remasked = 0;
            int changed = 0;
            for (int n = 0; n < f.state().length; n++) {
                boolean was = f.previous()[n] != f.maskId();
                boolean is = f.state()[n] != f.maskId();
                committed += is ? 1 : 0;
                remasked += was && !is ? 1 : 0;
                changed += was && is && f.previous()[n] != f.state()[n] ? 1 : 0;
            }
            assertThat(f.committed()).isEqualTo(committed);
            assertThat(f.remasked()).isEqualTo(remasked);
            assertThat(f.changed()).isEqualTo(changed);
            assertThat(f.steps()).isEqualTo(6);
            assertThat(f.likelihoodLosses()).hasSize(2);
        }
        assertThat(frames.get(5).committed()).isEqualTo(frames.get(5).state().length);
        assertThat(frames.get(0).previous()).containsOnly(frames.get(0).maskId());
    }

    @Test
    void timingsArePartsOfTheTotal() {
        List<Frame> frames = new ArrayList<>();
        SamplerResult r = toy.sampler.run(toy.pack.manager(), problem, settings(4, 3, 3e-4, 2, 1, 10, 1, 1),
                frames::add, () -> false);
        SamplerResult.Timings t = r.timings();
        long[] parts = {t.prior(), t.guidance(), t.optimiser(), t.sampling(), t.frames()};
        long sum = 0;
        for (long p : parts) {
            assertThat(p).isPositive().isLessThanOrEqualTo(t.total());
            sum += p;
        }
        assertThat(sum).isLessThanOrEqualTo(t.total());
        assertThat(t.other()).isGreaterThanOrEqualTo(0);
        long previous = 0;
        for (Frame f : frames) {
            assertThat(f.elapsedNanos()).isGreaterThan(previous).isLessThanOrEqualTo(t.total());
            previous = f.elapsedNanos();
        }
    }

    @Test
    void onlyTheStarShapedDrawIsTruncated() {
        // with one weak iteration q stays near the spread prior, so keeping its top 5% changes the draws
        SamplerSettings star = new SamplerSettings(3, 1, 3e-4, 0, 1, 0.01, 0, 0.3, "star", 1.0, 6);
        SamplerSettings starTop = new SamplerSettings(3, 1, 3e-4, 0, 1, 0.01, 0, 0.3, "star", 0.05, 6);
        assertThat(frames(starTop).get(0).state()).isNotEqualTo(frames(star).get(0).state());
        List<Frame> markov = frames(star.withProcess("markov"));
        List<Frame> markovTop = frames(starTop.withProcess("markov"));
        for (int j = 0; j < 3; j++) {
            assertThat(markovTop.get(j).state()).containsExactly(markov.get(j).state());
        }
    }
}
