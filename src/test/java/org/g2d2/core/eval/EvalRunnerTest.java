package org.g2d2.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.baseline.Baselines;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.metrics.MeanInterval;
import org.g2d2.core.model.ImageClassifier;
import org.g2d2.core.model.PackModels;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalRunnerTest {

    private static final Path TOY = Path.of("models/toy");
    private static final SamplerSettings TINY = SamplerSettings.PAPER_BLUR.withStepsAndIterations(3, 2);

    @TempDir
    Path out;

    /** Bright vs dark images, with the flattened image as its "features": enough to exercise the code path. */
    private static final class MeanClassifier implements ImageClassifier {
        @Override
        public NDArray logits(NDArray images) {
            NDArray mean = images.reshape(images.getShape().get(0), -1).mean(new int[] {1}).reshape(-1, 1);
            return mean.neg().concat(mean, 1);
        }

        @Override
        public NDArray features(NDArray images) {
            return images.reshape(images.getShape().get(0), -1).add(1);
        }

        @Override
        public List<String> classNames() {
            return List.of("dark", "bright");
        }
    }

    @Test
    void blurOnTheToyPackMeasuresEveryMethodAndWritesTheReport() throws Exception {
        try (ModelPack loaded = ModelPackLoader.load(TOY, Device.cpu())) {
            ModelPack pack = new ModelPack(loaded.dir(), loaded.manifest(), new PackModels(loaded.models().prior(),
                    loaded.models().decoder(), loaded.models().encoder(), Optional.of(new MeanClassifier())),
                    loaded.manager());
            TestSet test = TestSets.folder(TOY.resolve("samples"), 2, 1, 32, 32);
            EvalSettings settings = new EvalSettings(OperatorSpec.blur(1.5, 9), 0.05, 2, TINY, List.of());
            List<long[]> progress = new ArrayList<>();
            EvalResult r = new EvalRunner(pack).run(settings, test, Baselines.defaults(0.05), "defaults",
                    (done, total, note) -> progress.add(new long[] {done, total}), () -> false);

            assertThat(r.samples()).hasSize(2 * 2 * 6);
            assertThat(r.accuracyReference()).isEqualTo("classifier on truth");
            assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(progress.get(0)[1]);
            for (EvalResult.Sample s : r.samples()) {
                assertThat(s.psnr()).isFinite().isGreaterThan(5);
                assertThat(s.residualRatio()).isFinite().isPositive();
                assertThat(s.correct()).isIn(0.0, 1.0);
                assertThat(s.perceptual()).isBetween(0.0, 1.0);
            }
            // the classical deblurring fits y far better than samples from the prior alone
            MeanInterval wiener = r.summary().get("wiener").get(EvalResult.Metric.RESIDUAL);
            MeanInterval prior = r.summary().get(EvalSettings.PRIOR_ONLY).get(EvalResult.Metric.RESIDUAL);
            assertThat(wiener.mean()).isLessThan(prior.mean());
            assertThat(wiener.n()).isEqualTo(2);
            // the prior alone ignores y, so its draws must be seeded per image to differ between images
            int priorColumn = settings.methods().indexOf(EvalSettings.PRIOR_ONLY);
            assertThat(r.figure().get(0).restorations().get(priorColumn).data())
                    .isNotEqualTo(r.figure().get(1).restorations().get(priorColumn).data());

            List<Path> files = EvalReport.write(r, out, "g2d2 eval --test");
            String md = Files.readString(files.get(0));
            assertThat(md).contains("| g2d2-star |", "| g2d2-markov |", "| prior-only |", "| wiener |",
                    "| richardson-lucy |", "| unrestored |", " ± ", "g2d2 eval --test");
            // y's own PSNR is the "unrestored" row; the note that repeats it is left out
            assertThat(md).doesNotContain("The measurement y itself scores");
            assertThat(Files.readAllLines(files.get(1))).hasSize(1 + 24);
            java.awt.image.BufferedImage fig = javax.imageio.ImageIO.read(files.get(2).toFile());
            assertThat(fig.getHeight()).isGreaterThan(2 * 96);
            assertThat(fig.getWidth()).isGreaterThan(8 * 96);
        }
    }

    @Test
    void settingsRejectMethodsOfAnotherTask() {
        assertThatThrownBy(() -> new EvalSettings(OperatorSpec.superResolution(4), 0.05, 1, TINY, List.of("wiener")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("allowed: g2d2-star");
        assertThatThrownBy(() -> new EvalSettings(OperatorSpec.blur(1, 3), 0.05, 0, TINY, List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("found 0");
    }
}
