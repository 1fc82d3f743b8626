package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.g2d2.core.model.TokenGrid;
import org.g2d2.core.model.TokenPrior;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.schedule.MaskSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplerProcessTest {

    @TempDir
    Path dir;

    /** A prior that is sure of one wrong code everywhere; carry-over at unmasked positions. */
    static final class MisleadingPrior implements TokenPrior {
        private final TokenGrid grid;
        private final int favourite;

        MisleadingPrior(TokenGrid grid, int favourite) {
            this.grid = grid;
            this.favourite = favourite;
        }

        @Override
        public NDArray logProbs(NDManager manager, int[] tokens, int t) {
            int k = grid.codebookSize();
            float[] out = new float[tokens.length * k];
            for (int n = 0; n < tokens.length; n++) {
                int sure = tokens[n] == grid.maskId() ? favourite : tokens[n];
                float rest = tokens[n] == grid.maskId() ? -6f : -12f;
                Arrays.fill(out, n * k, (n + 1) * k, rest);
                out[n * k + sure] = 0f;
            }
            return manager.create(out, new Shape(tokens.length, k)).logSoftmax(1);
        }

        @Override
        public int maskId() {
            return grid.maskId();
        }
    }

    private static final class Recorder implements SamplerListener {
        final List<Frame> frames = new ArrayList<>();

        @Override
        public void onFrame(Frame frame) {
            frames.add(frame);
        }
    }

    private SamplerResult runMisled(ToyFixture toy, int[] truth, String process, Recorder recorder) {
        MaskSchedule schedule = MaskSchedule.of("linear", 100);
        G2D2Sampler sampler = new G2D2Sampler(new MisleadingPrior(toy.pack.grid(), 0), toy.pack.models().decoder(),
                toy.pack.grid(), schedule);
        InverseProblem problem = toy.problem(OperatorSpec.identity(), truth, 0.01, 8);
        // a strong KL early (λ_0 = 3·10²) that fades to almost nothing (λ_end = 3·10⁻⁴)
        SamplerSettings s = new SamplerSettings(20, 15, 0.3, 6, 1.0, 15, 1, 0.3, process, 0.95, 9);
        return sampler.run(toy.pack.manager(), problem, s, recorder, () -> false);
    }

    private static int[] truthAvoiding(ToyFixture toy, int code) {
        int[] truth = toy.randomTokens(21);
        for (int n = 0; n < truth.length; n++) {
            if (truth[n] == code) {
                truth[n] = code + 1;
            }
        }
        return truth;
    }

    @Test
    void starShapedReMasksAndCorrectsEarlyMistakes() throws Exception {
        try (ToyFixture toy = new ToyFixture(dir)) {
            int[] truth = truthAvoiding(toy, 0);
            Recorder rec = new Recorder();
            SamplerResult result = runMisled(toy, truth, "star", rec);
            // some position was committed to a wrong code early on and holds the true code at the end
            boolean corrected = false;
            int peakWrong = 0;
            for (Frame f : rec.frames) {
                peakWrong = Math.max(peakWrong, wrong(truth, f.state(), f.maskId()));
                for (int n = 0; n < truth.length; n++) {
                    boolean wrongThen = f.state()[n] != f.maskId() && f.state()[n] != truth[n];
                    corrected |= wrongThen && result.tokens()[n] == truth[n];
                }
            }
            assertThat(corrected).isTrue();
            int remasked = rec.frames.stream().mapToInt(Frame::remasked).sum();
            int changed = rec.frames.stream().mapToInt(Frame::changed).sum();
            assertThat(remasked).isPositive();
            assertThat(changed).isPositive();
            int finalWrong = wrong(truth, result.tokens(), toy.pack.grid().maskId());
            assertThat(finalWrong).isLessThan(peakWrong);
            SamplerResult markov = runMisled(toy, truth, "markov", new Recorder());
            assertThat(accuracy(truth, result.tokens())).isGreaterThan(accuracy(truth, markov.tokens()));
        }
    }

    @Test
    void markovNeverChangesACommittedToken() throws Exception {
        try (ToyFixture toy = new ToyFixture(dir)) {
            int[] truth = truthAvoiding(toy, 0);
            Recorder rec = new Recorder();
            SamplerResult result = runMisled(toy, truth, "markov", rec);
            for (Frame f : rec.frames) {
                assertThat(f.remasked()).isZero();
                assertThat(f.changed()).isZero();
                for (int n = 0; n < truth.length; n++) {
                    if (f.previous()[n] != f.maskId()) {
                        assertThat(f.state()[n]).isEqualTo(f.previous()[n]);
                    }
                }
            }
            int[] firstCommitted = rec.frames.get(0).state();
            for (int n = 0; n < truth.length; n++) {
                if (firstCommitted[n] != toy.pack.grid().maskId()) {
                    assertThat(result.tokens()[n]).isEqualTo(firstCommitted[n]);
                }
            }
        }
    }

    @Test
    void maskCountsPerStepFollowTheSchedule() throws Exception {
        try (ToyFixture toy = new ToyFixture(dir)) {
            Recorder rec = new Recorder();
            InverseProblem problem = toy.problem(OperatorSpec.blur(1.0, 5), toy.randomTokens(3), 0.05, 4);
            SamplerSettings s = new SamplerSettings(10, 3, 3e-4, 2, 1.0, 15, 1, 0.3, "star", 0.95, 5);
            toy.sampler.run(toy.pack.manager(), problem, s, rec, () -> false);
            MaskSchedule schedule = MaskSchedule.of("linear", 100);
            int length = toy.pack.grid().length();
            assertThat(rec.frames).hasSize(10);
            for (Frame f : rec.frames) {
                assertThat(length - f.committed()).as("masked after step %d", f.index())
                        .isEqualTo(schedule.maskedCount(length, f.s()));
                assertThat(f.likelihoodLosses()).hasSize(3);
                assertThat(f.preview().height()).isEqualTo(32);
            }
            assertThat(rec.frames.get(9).s()).isZero();
        }
    }

    @Test
    void cancelStopsWithinOneIterationAndLeavesNothingBehind() throws Exception {
        try (ToyFixture toy = new ToyFixture(dir)) {
            InverseProblem problem = toy.problem(OperatorSpec.blur(1.0, 5), toy.randomTokens(3), 0.05, 4);
            SamplerSettings s = new SamplerSettings(50, 10, 3e-4, 2, 1.0, 15, 1, 0.3, "star", 0.95, 5);
            int before = toy.pack.manager().getManagedArrays().size();
            AtomicInteger polls = new AtomicInteger();
            AtomicInteger framesSeen = new AtomicInteger();
            assertThatThrownBy(() -> toy.sampler.run(toy.pack.manager(), problem, s, f -> framesSeen.incrementAndGet(),
                    () -> polls.incrementAndGet() > 25))
                    .isInstanceOf(CancellationException.class).hasMessageContaining("step 3 of 50, iteration 6");
            // polled once per iteration: 25 iterations ran (2 full steps and 5 of the third), then it stopped
            assertThat(polls.get()).isEqualTo(26);
            assertThat(framesSeen.get()).isEqualTo(2);
            assertThat(toy.pack.manager().getManagedArrays()).hasSize(before);
            SamplerResult again = toy.sampler.run(toy.pack.manager(), problem, s.withStepsAndIterations(3, 2),
                    SamplerListener.NONE, () -> false);
            assertThat(again.tokens()).doesNotContain(toy.pack.grid().maskId());
        }
    }

    @Test
    void fiftyRestorationsLeaveNoArraysBehind() throws Exception {
        try (ToyFixture toy = new ToyFixture(dir)) {
            InverseProblem problem = toy.problem(OperatorSpec.superResolution(2), toy.randomTokens(3), 0.05, 4);
            SamplerSettings s = new SamplerSettings(4, 3, 3e-4, 2, 1.0, 10, 2, 0.3, "star", 0.95, 5);
            toy.sampler.run(toy.pack.manager(), problem, s, f -> { }, () -> false);
            int before = toy.pack.manager().getManagedArrays().size();
            for (int i = 0; i < 50; i++) {
                toy.sampler.run(toy.pack.manager(), problem, s.withSeed(i), f -> { }, () -> false);
            }
            assertThat(toy.pack.manager().getManagedArrays()).hasSize(before);
        }
    }

    private static int wrong(int[] truth, int[] state, int maskId) {
        int w = 0;
        for (int n = 0; n < truth.length; n++) {
            w += state[n] != maskId && state[n] != truth[n] ? 1 : 0;
        }
        return w;
    }

    static double accuracy(int[] truth, int[] tokens) {
        int same = 0;
        for (int n = 0; n < truth.length; n++) {
            same += truth[n] == tokens[n] ? 1 : 0;
        }
        return (double) same / truth.length;
    }
}
