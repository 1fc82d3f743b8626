package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.operator.OperatorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplerBranchTest {

    @TempDir
    Path dir;

    private static final SamplerSettings SETTINGS = new SamplerSettings(6, 4, 1e-3, 2, 1.0, 15, 1, 0.3, "star", 0.95, 21);

    /** Keeps every frame, with previews and states. */
    private static final class Recorder implements SamplerListener {
        final List<Frame> frames = new ArrayList<>();

        @Override
        public void onFrame(Frame frame) {
            frames.add(frame);
        }

        @Override
        public boolean wantsStates() {
            return true;
        }
    }

    @Test
    void unchangedSettingsReproduceTheRemainingFramesBitForBitAndOtherSettingsDepartAfterK() throws Exception {
        try (ToyFixture toy = new ToyFixture(dir)) {
            InverseProblem problem = toy.problem(OperatorSpec.blur(1.0, 5), toy.randomTokens(4), 0.05, 5);
            Recorder original = new Recorder();
            SamplerResult full = toy.sampler.run(toy.pack.manager(), problem, SETTINGS, original, () -> false);
            int k = 3;
            SamplerState state = original.frames.get(k - 1).resumable();
            assertThat(state.step()).isEqualTo(k);
            assertThat(original.frames.get(SETTINGS.steps() - 1).resumable()).isNull();

            Recorder same = new Recorder();
            SamplerResult resumed = toy.sampler.resume(toy.pack.manager(), problem, SETTINGS, state, same, () -> false);
            assertThat(same.frames).hasSize(SETTINGS.steps() - k);
            for (int i = 0; i < same.frames.size(); i++) {
                Frame a = original.frames.get(k + i);
                Frame b = same.frames.get(i);
                assertThat(b.index()).isEqualTo(a.index());
                assertThat(b.state()).containsExactly(a.state());
                assertThat(b.likelihoodLosses()).containsExactly(a.likelihoodLosses());
                assertThat(b.preview().data()).containsExactly(a.preview().data());
            }
            assertThat(resumed.tokens()).containsExactly(full.tokens());
            assertThat(resumed.image().data()).containsExactly(full.image().data());

            Recorder strongerKl = new Recorder();
            toy.sampler.resume(toy.pack.manager(), problem, SETTINGS.withKl(3.0), state, strongerKl, () -> false);
            assertThat(strongerKl.frames.get(0).likelihoodLosses()).isNotEqualTo(original.frames.get(k).likelihoodLosses());
        }
    }

    @Test
    void anotherSeedReseedsTheDrawsFromK() throws Exception {
        try (ToyFixture toy = new ToyFixture(dir)) {
            InverseProblem problem = toy.problem(OperatorSpec.blur(1.0, 5), toy.randomTokens(7), 0.05, 5);
            Recorder original = new Recorder();
            toy.sampler.run(toy.pack.manager(), problem, SETTINGS, original, () -> false);
            SamplerState state = original.frames.get(1).resumable();
            Recorder reseeded = new Recorder();
            toy.sampler.resume(toy.pack.manager(), problem, SETTINGS.withSeed(99), state, reseeded, () -> false);
            assertThat(reseeded.frames.get(0).previous()).containsExactly(original.frames.get(1).state());
            assertThat(reseeded.frames.get(0).likelihoodLosses()).isNotEqualTo(original.frames.get(2).likelihoodLosses());
        }
    }

    @Test
    void aBranchKeepsTheStepCount() throws Exception {
        try (ToyFixture toy = new ToyFixture(dir)) {
            InverseProblem problem = toy.problem(OperatorSpec.identity(), toy.randomTokens(2), 0.05, 5);
            Recorder original = new Recorder();
            toy.sampler.run(toy.pack.manager(), problem, SETTINGS.withStepsAndIterations(4, 2), original, () -> false);
            SamplerState state = original.frames.get(0).resumable();
            assertThatThrownBy(() -> toy.sampler.resume(toy.pack.manager(), problem,
                    SETTINGS.withStepsAndIterations(6, 2), state, SamplerListener.NONE, () -> false))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("N = 4").hasMessageContaining("found steps 6");
        }
    }
}
