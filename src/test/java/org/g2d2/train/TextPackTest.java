package org.g2d2.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.metrics.Psnr;
import org.g2d2.core.model.nn.TransformerConfig;
import org.g2d2.core.model.nn.VqTokenizer;
import org.g2d2.core.model.nn.VqTokenizerConfig;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerListener;
import org.g2d2.core.sampler.SamplerSettings;
import org.g2d2.core.schedule.MaskSchedule;
import org.g2d2.train.data.FontCatalogue;
import org.g2d2.train.data.FontFace;
import org.g2d2.train.data.TextImages;
import org.g2d2.train.data.WordCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text pipeline on rendered crops: tokenizer, prior, and a pack that carries its measured PSNR and bar. */
class TextPackTest {

    static final VqTokenizerConfig TINY = new VqTokenizerConfig(16, 1, 8, 16, 16, 1, 32, 8);

    @TempDir
    Path dir;

    @Test
    void tinyTextPackIsMeasuredAndRefusedBelowItsBar() throws Exception {
        assumeTrue(Files.isRegularFile(WordCorpus.DEBIAN_WORDS) && Files.isRegularFile(FontCatalogue.trainingFaces().get(0).file())
                        && FontCatalogue.heldOutFaces().stream().map(FontFace::file).anyMatch(Files::isRegularFile),
                "the text generator's Debian fonts and word list are not installed (.ci/run installs them)");
        try (NDManager m = NDManager.newBaseManager()) {
            TextImages data = TextData.training(16, 1);
            TrainLoop.Result r = TokenizerTraining.train(new TokenizerTraining.Settings(TINY, 16, 0.25, 0.9, 0.01),
                    new LoopSettings(15, 3e-3, 0, 0, 0, 1e9, 1), data, dir.resolve("tok"), m, TrainingTest.quiet());
            assertThat(r.lastFigures().get("psnr")).isGreaterThan(10.0);
            VqTokenizer tok = TrainedTokenizer.load(dir.resolve("tok"), m);
            TextImages crops = new TextImages(data.renderer(), 32, 2);
            int[] tokens = TrainedTokenizer.tokens(dir.resolve("tok"), tok, crops, dir.resolve("tokens.bin"), m);
            assertThat(tokens).hasSize(32 * 16);
            TransformerConfig cfg = new TransformerConfig(TINY.codebookSize(), 4, 4, 16, 1, 2, 2);
            PriorTraining.train(tokens, cfg, MaskSchedule.of("cosine", 100), 16, new LoopSettings(2, 1e-3, 0, 0, 1, 1e9, 3),
                    dir.resolve("prior"), m, TrainingTest.quiet());

            assertThatThrownBy(() -> TextPackBuilder.build(dir.resolve("tok"), dir.resolve("prior"), dir.resolve("pack"),
                    4, 0, false, m)).isInstanceOf(InvalidInputException.class).hasMessageContaining("the bar is 28.0 dB");
            boolean ocr = org.g2d2.core.metrics.TesseractOcr.available();
            TextPackBuilder.build(dir.resolve("tok"), dir.resolve("prior"), dir.resolve("pack"), 4, ocr ? 1 : 0, true, m);
            try (ModelPack pack = ModelPackLoader.load(dir.resolve("pack"), Device.cpu())) {
                var psnr = pack.manifest().metrics().getAsJsonObject("tokenizerPsnr");
                assertThat(psnr.get("bar").getAsDouble()).isEqualTo(28.0);
                assertThat(psnr.get("heldOutFonts").getAsDouble()).isBetween(5.0, 28.0);
                assertThat(pack.manifest().image().width()).isEqualTo(16);
                // the presets the workbench and --preset auto use for the three tasks, and the gallery
                assertThat(pack.manifest().presets()).containsKeys("interactive", "blur", "sr2", "sr4");
                assertThat(pack.manifest().samples()).startsWith("../../assets/samples/");
                if (ocr) {
                    // a 15-step tokenizer blurs letters: Tesseract reads the page through it worse than clean
                    var o = pack.manifest().metrics().getAsJsonObject("tokenizerOcr");
                    assertThat(o.get("cleanCer").getAsDouble()).isLessThan(0.05);
                    assertThat(o.get("reconstructedCer").getAsDouble()).isGreaterThan(o.get("cleanCer").getAsDouble());
                }
                assertThat(pack.models().classifier()).isEmpty();
                int[] z = new int[16];
                java.util.Arrays.fill(z, pack.models().prior().maskId());
                assertThat(pack.models().prior().logProbs(pack.manager(), z, 100).getShape())
                        .isEqualTo(new Shape(16, TINY.codebookSize()));
                restoresASmallPageAtItsOwnSize(pack);
            }
        }
    }

    /** A page wider and taller than the pack's 16-pixel context, blurred, restored in windows at its own size. */
    private static void restoresASmallPageAtItsOwnSize(ModelPack pack) {
        Image page = TextData.pages(true, 1, 64, 32).images().get(0);
        Restorer.Outcome o = new Restorer(pack).restore(new Restorer.Request(page, Restorer.Mode.SIMULATE,
                OperatorSpec.blur(1.0, 5), 0.02, new SamplerSettings(4, 3, 3e-4, 2, 1.0, 10, 1, 0.3, "star", 0.95, 1)),
                SamplerListener.NONE, () -> false);
        assertThat(o.restored().channels()).isEqualTo(1);
        assertThat(o.restored().height()).isEqualTo(32);
        assertThat(o.restored().width()).isEqualTo(64);
        assertThat(o.layout().windows().count()).isGreaterThan(1);
        assertThat(o.sampler().tokens()).hasSize(8 * 16);
        // a 15-step tokenizer reads letters poorly (quality is the shipped pack's business, see ShippedPacksTest);
        // here: a finite result that is not a flat page, in the pack's range
        assertThat(Psnr.compute(page, o.restored())).isFinite();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : o.restored().data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isGreaterThanOrEqualTo(-1f);
        assertThat(max).isLessThanOrEqualTo(1f).isGreaterThan(min + 0.05f);
    }
}
