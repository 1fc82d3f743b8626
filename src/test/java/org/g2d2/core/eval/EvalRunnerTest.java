package org.g2d2.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.baseline.Baselines;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.metrics.MeanInterval;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalRunnerTest {

    private static final SamplerSettings TINY = SamplerSettings.PAPER_BLUR.withStepsAndIterations(3, 2);

    @TempDir
    Path out;

    private static final Path FASHION = Path.of("models/fashion-mnist");

    private static EvalResult.Sample sample(EvalResult r, int image, String method) {
        return r.samples().stream().filter(s -> s.image() == image && s.method().equals(method) && s.seed() == 0)
                .findFirst().orElseThrow();
    }

    @Test
    void blurOnTheShippedPackMeasuresEveryMethodWithItsClassifierAndWritesTheReport() throws Exception {
        try (ModelPack pack = ModelPackLoader.load(FASHION, Device.cpu())) {
            assertThat(pack.models().classifier()).isPresent();
            TestSet test = TestSets.folder(Path.of("assets/samples/fashion"), 2, 1, 32, 32);
            EvalSettings settings = new EvalSettings(OperatorSpec.blur(1.5, 9), 0.05, 2, TINY, List.of());
            List<long[]> progress = new ArrayList<>();
            EvalResult r = new EvalRunner(pack).run(settings, test, Baselines.defaults(0.05), "defaults",
                    (done, total, note) -> progress.add(new long[] {done, total}), () -> false);

            assertThat(r.samples()).hasSize(2 * 2 * 6);
            assertThat(r.accuracyReference()).isEqualTo("classifier on truth");
            assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(progress.get(0)[1]);
            for (int image = 0; image < 2; image++) {
                EvalResult.Sample prior = sample(r, image, EvalSettings.PRIOR_ONLY);
                EvalResult.Sample y = sample(r, image, "unrestored");
                EvalResult.Sample rl = sample(r, image, "richardson-lucy");
                EvalResult.Sample wiener = sample(r, image, "wiener");
                // y blurred at σ = 1.5 stays far closer to the truth than a draw that ignores it (RESULTS:
                // 18.0 against 9.2 dB on 100 images), and deconvolution gains on y (20.6 dB)
                assertThat(y.psnr()).as("image %d", image).isGreaterThan(prior.psnr() + 4);
                assertThat(rl.psnr()).as("image %d", image).isGreaterThan(y.psnr());
                assertThat(wiener.psnr()).as("image %d", image).isGreaterThan(y.psnr());
                assertThat(rl.ssim()).as("image %d", image).isGreaterThan(y.ssim());
                // the trained classifier's features: a restoration is nearer the truth than an unrelated draw
                assertThat(rl.perceptual()).as("image %d", image).isLessThan(prior.perceptual());
                // and it names the class of the truth from the deconvolved image (RESULTS: 84 % on 100 images)
                assertThat(rl.correct()).as("image %d", image).isEqualTo(1.0);
            }
            for (EvalResult.Sample s : r.samples()) {
                assertThat(s.residualRatio()).isFinite().isPositive();
                assertThat(s.correct()).isIn(0.0, 1.0);
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
