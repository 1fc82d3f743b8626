package org.g2d2.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.colour.ChannelPlan;
import org.g2d2.core.colour.YCbCr;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.metrics.Psnr;
import org.g2d2.core.model.nn.TransformerConfig;
import org.g2d2.core.model.nn.VqTokenizer;
import org.g2d2.core.model.nn.VqTokenizerConfig;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.Frame;
import org.g2d2.core.sampler.SamplerListener;
import org.g2d2.core.sampler.SamplerSettings;
import org.g2d2.core.schedule.MaskSchedule;
import org.g2d2.train.data.EmojiImages;
import org.g2d2.train.data.EmojiSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emoji pipeline on a folder of synthetic emoji: colour tokenizer, prior, and a pack that carries its held-out PSNR. */
class EmojiPackTest {

    static final VqTokenizerConfig TINY = new VqTokenizerConfig(64, 3, 8, 8, 16, 0, 32, 8);

    @TempDir
    Path dir;

    /** Coloured discs on a transparent canvas; returns the folder. */
    private Path emojiFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("png"));
        int held = 0;
        int kept = 0;
        for (int i = 0; held < 2 || kept < 6; i++) {
            String name = String.format(java.util.Locale.ROOT, "1f%03x.png", i);
            boolean h = EmojiSplit.heldOut(name);
            if (h ? held >= 2 : kept >= 6) {
                continue;
            }
            BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
            java.awt.Graphics2D g = img.createGraphics();
            g.setColor(new java.awt.Color(0x40 * (i % 4), 0xff - 0x30 * (i % 5), 0x50 * (i % 3)));
            g.fillOval(8 + i % 9, 10, 44, 40);
            g.dispose();
            ImageIO.write(img, "png", folder.resolve(name).toFile());
            held += h ? 1 : 0;
            kept += h ? 0 : 1;
        }
        return folder;
    }

    @Test
    void tinyColourPackIsMeasuredOnTheHeldOutEmojiAndRefusedBelowItsBar() throws Exception {
        Path folder = emojiFolder();
        try (NDManager m = NDManager.newBaseManager()) {
            EmojiImages data = EmojiImages.load(folder, EmojiSplit.Part.TRAINING, 4, 1, EmojiImages.Augmentation.TRAINING);
            assertThat(data.emojiCount()).isEqualTo(6);
            TrainLoop.Result r = TokenizerTraining.train(new TokenizerTraining.Settings(TINY, 4, 0.25, 0.9, 0.01),
                    new LoopSettings(8, 3e-3, 0, 0, 0, 1e9, 1), data, dir.resolve("tok"), m, TrainingTest.quiet());
            assertThat(r.lastFigures().get("psnr")).isGreaterThan(5.0);
            VqTokenizer tok = TrainedTokenizer.load(dir.resolve("tok"), m);
            int[] tokens = TrainedTokenizer.tokens(dir.resolve("tok"), tok, data, dir.resolve("tokens.bin"), m);
            assertThat(tokens).hasSize(24 * 256);
            TransformerConfig cfg = new TransformerConfig(TINY.codebookSize(), 16, 16, 16, 1, 2, 2);
            PriorTraining.train(tokens, cfg, MaskSchedule.of("cosine", 100), 4, new LoopSettings(2, 1e-3, 0, 0, 1, 1e9, 3),
                    dir.resolve("prior"), m, TrainingTest.quiet());

            assertThatThrownBy(() -> EmojiPackBuilder.build(dir.resolve("tok"), dir.resolve("prior"), folder,
                    dir.resolve("pack"), false, m)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("2 held-out emoji").hasMessageContaining("the bar is 26.0 dB");
            EmojiPackBuilder.build(dir.resolve("tok"), dir.resolve("prior"), folder, dir.resolve("pack"), true, m);
            try (ModelPack pack = ModelPackLoader.load(dir.resolve("pack"), Device.cpu())) {
                var psnr = pack.manifest().metrics().getAsJsonObject("tokenizerPsnr");
                assertThat(psnr.get("bar").getAsDouble()).isEqualTo(26.0);
                assertThat(psnr.get("images").getAsInt()).isEqualTo(2);
                // the presets the workbench and --preset auto use for the three tasks, and the gallery
                assertThat(pack.manifest().presets()).containsKeys("interactive", "blur", "sr2", "sr4");
                assertThat(pack.manifest().samples()).startsWith("../../assets/samples/");
                assertThat(psnr.get("heldOut").getAsDouble()).isBetween(3.0, 26.0);
                assertThat(pack.manifest().image().channels()).isEqualTo(3);
                assertThat(pack.manifest().image().width()).isEqualTo(64);
                int[] z = new int[256];
                java.util.Arrays.fill(z, pack.models().prior().maskId());
                assertThat(pack.models().prior().logProbs(pack.manager(), z, 100).getShape())
                        .isEqualTo(new Shape(256, TINY.codebookSize()));
                try (NDManager s = pack.manager().newSubManager()) {
                    NDArray img = pack.models().decoder().decode(s.ones(new Shape(1, TINY.embeddingDim(), 16, 16)));
                    assertThat(img.getShape()).isEqualTo(new Shape(1, 3, 64, 64));
                }
                restoresAHeldOutEmojiInColour(pack, folder);
            }
        }
    }

    /** Colour in, colour out: the pack's three channels are sampled together, frames included. */
    private static void restoresAHeldOutEmojiInColour(ModelPack pack, Path folder) throws Exception {
        Path heldOut;
        try (var files = Files.list(folder)) {
            heldOut = files.filter(f -> EmojiSplit.heldOut(f.getFileName().toString())).findFirst().orElseThrow();
        }
        Image truth = ImageFiles.loadNative(heldOut).image();
        assertThat(truth.channels()).isEqualTo(3);
        List<Frame> frames = new ArrayList<>();
        SamplerListener listener = new SamplerListener() {
            @Override
            public void onFrame(Frame f) {
                frames.add(f);
            }

            @Override
            public boolean wantsPreviews() {
                return true;
            }
        };
        Restorer.Outcome o = new Restorer(pack).restore(new Restorer.Request(truth, Restorer.Mode.SIMULATE,
                OperatorSpec.blur(1.5, 9), 0.05, new SamplerSettings(3, 2, 3e-4, 2, 1.0, 10, 1, 0.3, "star", 0.95, 1)),
                listener, () -> false);
        assertThat(o.channels()).isEqualTo(ChannelPlan.DIRECT);
        assertThat(o.restored().channels()).isEqualTo(3);
        assertThat(o.restored().height()).isEqualTo(64);
        assertThat(o.layout().windows().count()).isEqualTo(1);
        assertThat(frames).hasSize(3);
        assertThat(frames.get(2).preview().channels()).isEqualTo(3);
        // the three channels are restored, not one grey copied three times
        Image[] planes = YCbCr.split(o.restored());
        double chroma = 0;
        for (float v : planes[2].data()) {
            chroma += Math.abs(v);
        }
        assertThat(chroma).isGreaterThan(0);
        assertThat(Psnr.compute(truth, o.restored())).isFinite();
    }
}
