package org.g2d2.app.vm;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.g2d2.app.FxThread;
import org.g2d2.core.Image;
import org.g2d2.core.Restorer;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.colour.ChannelPlan;
import org.g2d2.core.model.TokenLayout;
import org.g2d2.core.operator.OperatorSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images at their own size and in their own colour through the workbench's view models, on the
 * toy pack (stride 4, 8×8-token context), with same-thread executors and no window.
 */
class ImageSizeModelTest {

    @TempDir
    Path dir;

    private WorkbenchModel vm;

    @BeforeAll
    static void engine() {
        TorchRuntime.configure(1);
    }

    @BeforeEach
    void load() throws Exception {
        vm = ToyModel.open(Map.of(SamplerField.STEPS, "3", SamplerField.ITERATIONS, "2", SamplerField.SEED, "7"));
    }

    @AfterEach
    void close() throws Exception {
        FxThread.run(() -> {
            if (vm.session().packProperty().get() != null) {
                vm.session().packProperty().get().close();
            }
        });
    }

    /** A picture with structure in every channel: grey when {@code colour} is false. */
    static BufferedImage picture(int height, int width, boolean colour) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = (x * 255 / width + y * 97 / height) & 0xff;
                int rgb = colour ? (v << 16) | (((255 - v) & 0xff) << 8) | ((x * 13) & 0xff) : (v << 16) | (v << 8) | v;
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    @Test
    void aGreyNonSquareImageKeepsItsSizeThroughPreviewRunAndTokenMap() throws Exception {
        List<String> mismatches = new ArrayList<>();
        FxThread.run(() -> {
            vm.preview().usePicture("odd.png", picture(45, 70, false));
            Image in = vm.preview().inputProperty().get();
            assertThat(in.channels()).isEqualTo(1);
            assertThat(in.height()).isEqualTo(45);
            assertThat(in.width()).isEqualTo(70);
            Image y = vm.preview().measurementProperty().get();
            assertThat(y.height()).isEqualTo(45);
            assertThat(y.width()).isEqualTo(70);
            TokenLayout layout = vm.sizes().layoutProperty().get();
            assertThat(layout.grid().height()).isEqualTo(12); // ⌈45/4⌉
            assertThat(layout.grid().width()).isEqualTo(18); // ⌈70/4⌉
            assertThat(layout.windows().count()).isGreaterThan(1);
            assertThat(vm.sizes().statusProperty().get()).isEqualTo(
                    "70\u00d745 grey \u00b7 18\u00d712 tokens \u00b7 " + layout.windows().count() + " prior windows");
            // during the run, the live view's grid is the whole image's: one state per token of it
            vm.runModel().setSamplerHook(f -> {
                TokenLayout live = vm.live().layoutProperty().get();
                if (f.state().length != live.grid().height() * live.grid().width()
                        || f.preview().height() != 45 || f.preview().width() != 70) {
                    mismatches.add("frame " + f.index());
                }
            });
            assertThat(vm.run()).isTrue();
        });
        FxThread.run(() -> {
            assertThat(vm.runModel().state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(mismatches).isEmpty();
            Restorer.Outcome o = vm.runModel().resultProperty().get().outcome();
            assertThat(o.restored().height()).isEqualTo(45);
            assertThat(o.restored().width()).isEqualTo(70);
            assertThat(o.restored().channels()).isEqualTo(1);
            assertThat(o.channels()).isEqualTo(ChannelPlan.DIRECT);
            assertThat(o.layout().gridText()).isEqualTo("12x18");
            assertThat(OutcomeText.details(o)).isEqualTo("70\u00d745 \u00b7 18\u00d712 tokens \u00b7 "
                    + o.layout().windows().count() + " prior windows \u00b7 prior on all channels\n"
                    + "KL weight scaled by sqrt(1024/3150) = 0.570 for the image's size");
            assertThat(vm.live().layoutProperty().get()).isSameAs(o.layout());
            assertThat(vm.runModel().frames()).allSatisfy(f -> assertThat(f.state()).hasSize(12 * 18));
        });
    }

    @Test
    void aColourImageStaysColourInPreviewAndResultAndTheSamplesKeepTheirSize() throws Exception {
        FxThread.run(() -> {
            assertThat(vm.session().gallery().get(0).image().height()).isEqualTo(32);
            vm.degradation().kindProperty().set(OperatorSpec.Kind.SR);
            vm.preview().usePicture("colour.png", picture(40, 36, true));
            assertThat(vm.preview().inputProperty().get().channels()).isEqualTo(3);
            Image y = vm.preview().measurementProperty().get();
            assertThat(y.channels()).isEqualTo(3);
            assertThat(y.height()).isEqualTo(20);
            assertThat(y.width()).isEqualTo(18);
            assertThat(vm.sizes().statusProperty().get()).startsWith("36\u00d740 colour \u00b7 9\u00d710 tokens");
            assertThat(vm.run()).isTrue();
        });
        FxThread.run(() -> {
            Restorer.Outcome o = vm.runModel().resultProperty().get().outcome();
            assertThat(o.restored().channels()).isEqualTo(3);
            assertThat(o.restored().height()).isEqualTo(40);
            assertThat(o.restored().width()).isEqualTo(36);
            assertThat(o.channels()).isEqualTo(ChannelPlan.LUMA);
            assertThat(OutcomeText.details(o)).contains("prior on luma (chroma: classical)\nchroma restored by");
            // the live previews are in colour too (the luma recoloured with the classical chroma)
            assertThat(vm.runModel().frames()).allSatisfy(f -> assertThat(f.preview().channels()).isEqualTo(3));
            // measured mode: the loaded image is y, restored at twice its size
            vm.degradation().modeProperty().set(Restorer.Mode.MEASURED);
            assertThat(vm.preview().inputProperty().get().height()).isEqualTo(40);
            assertThat(vm.sizes().restoredProperty().get()).isEqualTo(new SizeModel.Size(80, 72));
            assertThat(vm.sizes().statusProperty().get()).startsWith("36\u00d740 colour \u2192 72\u00d780 restored");
        });
    }

    @Test
    void overTheLimitRunIsBlockedWithAWarningUntilTheImageIsFittedOrTheLimitRaised() throws Exception {
        FxThread.run(() -> {
            assertThat(vm.sizes().maxPixelsProperty().get()).isEqualTo(Restorer.DEFAULT_MAX_PIXELS);
            assertThat(vm.sizes().setMaxPixels("2,000")).isTrue();
            assertThat(vm.sizes().setMaxPixels("lots")).isFalse();
            assertThat(vm.sizes().setMaxPixels("3")).isFalse();
            assertThat(vm.sizes().maxPixelsProperty().get()).isEqualTo(2000);
            assertThat(vm.sizes().overLimitProperty().get()).isNull();

            vm.preview().usePicture("big.png", picture(45, 70, true));
            String warning = vm.sizes().overLimitProperty().get();
            assertThat(warning).contains("70\u00d745 = 3,150 pixels").contains("limit is 2,000");
            assertThat(vm.canRunProperty().get()).isFalse();
            assertThat(vm.runBlockerProperty().get()).isEqualTo(warning);
            assertThat(vm.run()).isFalse();
            assertThat(vm.runModel().state()).isEqualTo(RunState.IDLE);
            // shown, but not degraded until it is within the limit
            assertThat(vm.preview().inputProperty().get().width()).isEqualTo(70);
            assertThat(vm.preview().measurementProperty().get()).isNull();

            // fitting: the largest size within the limit with the same aspect ratio, in colour still
            SizeModel.Size target = vm.sizes().fitSize();
            assertThat(target).isEqualTo(new SizeModel.Size(35, 55));
            vm.sizes().fit();
            Image fitted = vm.preview().sourceProperty().get().image();
            assertThat(fitted.height()).isEqualTo(35);
            assertThat(fitted.width()).isEqualTo(55);
            assertThat(fitted.channels()).isEqualTo(3);
            assertThat(vm.preview().sourceProperty().get().name()).isEqualTo("big.png (fitted to 55\u00d735)");
            assertThat(vm.sizes().overLimitProperty().get()).isNull();
            assertThat(vm.canRunProperty().get()).isTrue();
            assertThat(vm.preview().measurementProperty().get().width()).isEqualTo(55);

            // or raising the limit lets the full size run
            vm.preview().usePicture("big.png", picture(45, 70, true));
            assertThat(vm.canRunProperty().get()).isFalse();
            vm.sizes().setMaxPixels("4000");
            assertThat(vm.canRunProperty().get()).isTrue();
            assertThat(vm.preview().measurementProperty().get().width()).isEqualTo(70);
        });
    }

    @Test
    void theLimitIsRememberedWithTheOtherSettings() throws Exception {
        JsonObject saved = FxThread.call(() -> {
            vm.sizes().setMaxPixels("123456");
            return vm.state().toJson();
        });
        assertThat(saved.get("maxPixels").getAsLong()).isEqualTo(123456);
        WorkbenchModel next = FxThread.call(() -> {
            WorkbenchModel m = new WorkbenchModel(Workers.direct());
            m.state().apply(saved);
            return m;
        });
        assertThat(FxThread.call(() -> next.sizes().maxPixelsProperty().get())).isEqualTo(123456);
    }

    @Test
    void fitSizesKeepTheAspectRatioAndCountTheUpscaleOfAMeasuredImage() {
        SizeModel.Size square = SizeModel.fitSize(512, 512, 1, Restorer.DEFAULT_MAX_PIXELS);
        assertThat(square).isEqualTo(new SizeModel.Size(256, 256));
        SizeModel.Size wide = SizeModel.fitSize(300, 1200, 1, 10_000);
        assertThat(wide.pixels()).isLessThanOrEqualTo(10_000).isGreaterThan(9_700);
        assertThat((double) wide.width() / wide.height()).isCloseTo(4.0, org.assertj.core.api.Assertions.within(0.1));
        // a measured y restored ×4: its restored size is 16× its own
        SizeModel.Size sr = SizeModel.fitSize(512, 512, 16, Restorer.DEFAULT_MAX_PIXELS);
        assertThat(sr).isEqualTo(new SizeModel.Size(64, 64));
    }

    @Test
    void theFirstEtaComesFromThePixelCountAndTheLastRunsPace() throws Exception {
        FxThread.run(() -> {
            vm.preview().usePicture("small.png", picture(32, 32, false));
            RunSpec small = new RunSpec(vm.preview().sourceProperty().get(), Restorer.Mode.SIMULATE,
                    vm.degradation().spec(), 0.05, vm.form().settings());
            vm.preview().usePicture("large.png", picture(64, 128, false));
            RunSpec large = new RunSpec(vm.preview().sourceProperty().get(), Restorer.Mode.SIMULATE,
                    vm.degradation().spec(), 0.05, vm.form().settings());
            assertThat(RunModel.workUnits(large)).isEqualTo(8 * RunModel.workUnits(small));
            assertThat(RunModel.describeStart(large, 1000)).isEqualTo(
                    "Starting 128\u00d764 \u00b7 ETA about " + org.g2d2.core.Durations.ofMillis(
                            Math.round(128 * 64 * 3 * 2 * 1000 / 1e6)));
            assertThat(vm.runModel().nanosPerUnit()).isEqualTo(RunModel.DEFAULT_NANOS_PER_UNIT);
            List<String> lines = new ArrayList<>();
            vm.runModel().progressTextProperty().addListener((o, a, b) -> lines.add(b));
            assertThat(vm.run()).isTrue();
            // before the first frame arrived the line already named the size and an ETA
            assertThat(lines.get(0)).startsWith("Starting 128\u00d764 \u00b7 ETA about");
            assertThat(lines.get(1)).startsWith("Step 1/3");
        });
        FxThread.run(() -> {
            RunResult r = vm.runModel().resultProperty().get();
            double measured = (double) r.outcome().sampler().timings().total() / RunModel.workUnits(r.spec());
            assertThat(vm.runModel().nanosPerUnit()).isEqualTo(measured);
        });
    }

    @Test
    void aBatchOverAFolderOfMixedSizesRestoresEachAtItsSizeAndSkipsOneOverTheLimit() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mixed"));
        ImageIO.write(picture(45, 70, false), "png", folder.resolve("a-odd.png").toFile());
        ImageIO.write(picture(40, 36, true), "png", folder.resolve("b-colour.png").toFile());
        ImageIO.write(picture(100, 100, false), "png", folder.resolve("c-big.png").toFile());
        BatchModel batch = FxThread.call(() -> new BatchModel(Workers.direct(), vm));
        FxThread.run(() -> {
            vm.sizes().setMaxPixels("5000");
            batch.kindProperty().set(BatchModel.Kind.FOLDER);
            batch.folderProperty().set(folder);
            batch.start();
            assertThat(batch.summaryProperty().get()).isEqualTo("3/3 done");
            Restorer.Outcome odd = batch.items().get(0).outcomeProperty().get();
            assertThat(odd.restored().height()).isEqualTo(45);
            assertThat(odd.restored().width()).isEqualTo(70);
            Restorer.Outcome colour = batch.items().get(1).outcomeProperty().get();
            assertThat(colour.restored().channels()).isEqualTo(3);
            assertThat(colour.restored().height()).isEqualTo(40);
            assertThat(colour.restored().width()).isEqualTo(36);
            assertThat(batch.items().get(2).outcomeProperty().get()).isNull();
            assertThat(batch.items().get(2).statusProperty().get())
                    .isEqualTo("skipped: 100\u00d7100 = 10,000 pixels is over the limit of 5,000");
            // three tiles of one size, each image fitted into its tile with its aspect ratio
            BufferedImage sheet = batch.contactSheet();
            int tile = BatchModel.SHEET_TILE;
            assertThat(sheet.getWidth()).isEqualTo(6 + 3 * (tile + 6));
            int top = 6;
            int left = 6;
            // the wide image fills the tile's width; above and below it the tile is white
            assertThat(sheet.getRGB(left + tile / 2, top + 2) & 0xffffff).isEqualTo(0xffffff);
            int drawnHeight = (int) Math.round(45 * ((double) tile / 70));
            assertThat(sheet.getRGB(left + 1, top + (tile - drawnHeight) / 2 + drawnHeight / 2) & 0xffffff)
                    .isNotEqualTo(0xffffff);
        });
    }
}
