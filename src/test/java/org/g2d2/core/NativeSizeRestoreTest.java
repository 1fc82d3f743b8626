package org.g2d2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.g2d2.core.colour.ChannelPlan;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.io.ToyPacks;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.Frame;
import org.g2d2.core.sampler.InverseProblem;
import org.g2d2.core.sampler.SamplerListener;
import org.g2d2.core.sampler.SamplerResult;
import org.g2d2.core.sampler.SamplerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restoring at the image's own size: shapes, colour, and the pack-size case unchanged. */
class NativeSizeRestoreTest {

    @TempDir
    Path dir;

    private static SamplerSettings quick(long seed) {
        return new SamplerSettings(4, 3, 3e-4, 2, 1.0, 10, 1, 0.3, "star", 0.95, seed);
    }

    /** A listener that keeps every frame. */
    private static SamplerListener recorder(List<Frame> frames, boolean previews) {
        return new SamplerListener() {
            @Override
            public void onFrame(Frame f) {
                frames.add(f);
            }

            @Override
            public boolean wantsPreviews() {
                return previews;
            }
        };
    }

    private static Image smooth(int channels, int height, int width, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] phase = {rng.nextDouble() * 6, rng.nextDouble() * 6, rng.nextDouble() * 6};
        float[] d = new float[channels * height * width];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    d[(c * height + y) * width + x] = (float) (0.8 * Math.sin(x / 5.0 + phase[c]) * Math.cos(y / 7.0));
                }
            }
        }
        return new Image(channels, height, width, d);
    }

    @Test
    void aPackSizedImageGivesBitForBitThePackSamplerResult() {
        try (ModelPack pack = ModelPackLoader.load(Path.of("models/fashion-mnist"), Device.cpu())) {
            Restorer restorer = new Restorer(pack);
            Image truth = ImageFiles.loadNative(Path.of("assets/samples/fashion/test-00000-ankle-boot.png")).image();
            OperatorSpec blur = OperatorSpec.blur(1.5, 9);
            Restorer.Outcome outcome = restorer.restore(new Restorer.Request(truth, Restorer.Mode.SIMULATE, blur, 0.05,
                    quick(7)), SamplerListener.NONE, () -> false);
            assertThat(outcome.layout().windows().count()).isEqualTo(1);
            // what a restore was before images of any size: the pack's own sampler on the pack's grid
            Image y = restorer.simulateMeasurement(truth, blur, 0.05, 7);
            SamplerResult direct;
            try (NDManager m = pack.manager().newSubManager(); var op = blur.create(m, 32, 32)) {
                direct = restorer.sampler().run(m, new InverseProblem(op, y, 0.05), quick(7), SamplerListener.NONE,
                        () -> false);
            }
            assertThat(outcome.sampler().tokens()).containsExactly(direct.tokens());
            assertThat(outcome.restored().data()).containsExactly(direct.image().data());
        }
    }

    @Test
    void anOddNonSquareImageRoundTripsAtItsSize() throws Exception {
        ToyPacks.write(dir, ToyPacks.Spec.standard());
        try (ModelPack pack = ModelPackLoader.load(dir, Device.cpu())) {
            Image truth = smooth(1, 70, 45, 1);
            List<Frame> frames = new ArrayList<>();
            SamplerListener listener = recorder(frames, true);
            Restorer.Outcome o = new Restorer(pack).restore(new Restorer.Request(truth, Restorer.Mode.SIMULATE,
                    OperatorSpec.blur(1.0, 5), 0.05, quick(2)), listener, () -> false);
            assertThat(o.restored().height()).isEqualTo(70);
            assertThat(o.restored().width()).isEqualTo(45);
            assertThat(o.restoredMeasurement().height()).isEqualTo(70);
            assertThat(o.layout().gridText()).isEqualTo("18x12");
            assertThat(o.layout().windows().count()).isGreaterThan(1);
            assertThat(o.sampler().tokens()).hasSize(18 * 12);
            assertThat(frames).hasSize(4);
            assertThat(frames.get(3).preview().height()).isEqualTo(70);
            assertThat(frames.get(3).state()).hasSize(18 * 12);
            assertThat(o.psnr()).isFinite();
        }
    }

    @Test
    void colourInColourOutWithTheLumaFromThePriorAndTheChromaClassical() throws Exception {
        ToyPacks.write(dir, ToyPacks.Spec.standard());
        try (ModelPack pack = ModelPackLoader.load(dir, Device.cpu())) {
            Image truth = smooth(3, 40, 48, 3);
            List<Frame> frames = new ArrayList<>();
            SamplerListener listener = recorder(frames, true);
            Restorer.Outcome o = new Restorer(pack).restore(new Restorer.Request(truth, Restorer.Mode.SIMULATE,
                    OperatorSpec.superResolution(2), 0.02, quick(4)), listener, () -> false);
            assertThat(o.channels()).isEqualTo(ChannelPlan.LUMA);
            assertThat(o.restored().channels()).isEqualTo(3);
            assertThat(o.measurement().channels()).isEqualTo(3);
            assertThat(o.measurement().width()).isEqualTo(24);
            assertThat(o.restored().width()).isEqualTo(48);
            assertThat(frames.get(0).preview().channels()).isEqualTo(3);
            assertThat(o.notes()).anyMatch(n -> n.contains("bicubic"));
            // the chroma came from the measurement: the result's colour differences follow the truth's
            Image[] truthPlanes = org.g2d2.core.colour.YCbCr.split(truth);
            Image[] resultPlanes = org.g2d2.core.colour.YCbCr.split(o.restored());
            assertThat(org.g2d2.core.metrics.Psnr.compute(truthPlanes[2], resultPlanes[2])).isGreaterThan(30);
        }
    }

    @Test
    void greyStaysGreyAndSmallImagesArePaddedNotUpscaled() throws Exception {
        ToyPacks.write(dir, ToyPacks.Spec.standard());
        try (ModelPack pack = ModelPackLoader.load(dir, Device.cpu())) {
            Restorer.Outcome o = new Restorer(pack).restore(new Restorer.Request(smooth(1, 12, 20, 5),
                    Restorer.Mode.SIMULATE, OperatorSpec.identity(), 0.05, quick(1)), SamplerListener.NONE, () -> false);
            assertThat(o.restored().channels()).isEqualTo(1);
            assertThat(o.restored().height()).isEqualTo(12);
            assertThat(o.restored().width()).isEqualTo(20);
            assertThat(o.layout().gridText()).isEqualTo("8x8");
        }
    }

    @Test
    void superResolutionCropsToTheScaleWithANoteAndTinyImagesAreRefused() throws Exception {
        ToyPacks.write(dir, ToyPacks.Spec.standard());
        try (ModelPack pack = ModelPackLoader.load(dir, Device.cpu())) {
            Restorer restorer = new Restorer(pack);
            Restorer.Outcome o = restorer.restore(new Restorer.Request(smooth(1, 45, 34, 5), Restorer.Mode.SIMULATE,
                    OperatorSpec.superResolution(4), 0.05, quick(1)), SamplerListener.NONE, () -> false);
            assertThat(o.restored().height()).isEqualTo(44);
            assertThat(o.restored().width()).isEqualTo(32);
            assertThat(o.notes()).anyMatch(n -> n.contains("34x45 to 32x44"));
            assertThatThrownBy(() -> restorer.restore(new Restorer.Request(new Image(1, 1, 1, new float[1]),
                    Restorer.Mode.SIMULATE, OperatorSpec.blur(1, 3), 0.05, quick(1)), SamplerListener.NONE, () -> false))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("1x1").hasMessageContaining("4x4");
            assertThatThrownBy(() -> Restorer.requireWithin(512, 512, 65_536))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("512x512")
                    .hasMessageContaining("65,536");
        }
    }

    @Test
    void theKlWeightIsBalancedAgainstTheLikelihoodOfALargerImage() throws Exception {
        ToyPacks.write(dir, ToyPacks.Spec.standard());
        Path manifest = dir.resolve("model.json");
        com.google.gson.JsonObject json = org.g2d2.core.Json.GSON.fromJson(java.nio.file.Files.readString(manifest),
                com.google.gson.JsonObject.class);
        com.google.gson.JsonObject windows = new com.google.gson.JsonObject();
        windows.addProperty("balance", "kl");  // the default, written out
        json.getAsJsonObject("architecture").add("priorWindows", windows);
        java.nio.file.Files.writeString(manifest, org.g2d2.core.Json.GSON.toJson(json));
        try (ModelPack pack = ModelPackLoader.load(dir, Device.cpu())) {
            Restorer restorer = new Restorer(pack);
            double[] weights = new double[2];
            List<String> notes = new ArrayList<>();
            int[] sizes = {32, 64};
            for (int i = 0; i < 2; i++) {
                List<Frame> frames = new ArrayList<>();
                SamplerListener listener = recorder(frames, false);
                Restorer.Outcome o = restorer.restore(new Restorer.Request(smooth(1, sizes[i], sizes[i], 1),
                        Restorer.Mode.SIMULATE, OperatorSpec.blur(1.0, 5), 0.05, quick(3)), listener, () -> false);
                weights[i] = frames.get(0).klWeight();
                notes.addAll(o.notes());
            }
            // four times the pixels: the likelihood's gradient per pixel halves, so does λ
            assertThat(weights[1] / weights[0]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(notes).containsExactly("KL weight scaled by sqrt(1024/4096) = 0.500 for the image's size");
        }
    }
}
