package org.g2d2.app.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.g2d2.app.FxThread;
import org.g2d2.app.files.RunBundle;
import org.g2d2.core.Image;
import org.g2d2.core.Restorer;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.operator.OperatorSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench view model on the toy pack with same-thread executors: every command runs to its
 * end before it returns, on the FX thread (a javafx.concurrent.Task needs it), with no window.
 */
class WorkbenchModelTest {


    @TempDir
    Path dir;

    private WorkbenchModel vm;

    @BeforeAll
    static void engine() {
        TorchRuntime.configure(1);
    }

    @BeforeEach
    void load() throws Exception {
        vm = ToyModel.open(Map.of());
    }

    @AfterEach
    void close() throws Exception {
        FxThread.run(() -> {
            if (vm.session().packProperty().get() != null) {
                vm.session().packProperty().get().close();
            }
        });
    }

    @Test
    void theDevicePanelSaysWhatTheEngineRunsOnAndWhyNoGpu() throws Exception {
        FxThread.run(() -> vm.describeEngine());
        String text = FxThread.call(() -> vm.engineProperty().get());
        assertThat(text).contains("engine:        PyTorch 2.7.1").contains("devices:       cpu");
        if (!text.contains("gpu:")) {
            assertThat(text).contains("GPU:           not used:");
        }
    }

    /**
     * Runs to the end: the sampler works inside this FX-thread call (same-thread executor), and the
     * Task posts its state changes after it, so the next {@link FxThread} call sees the outcome.
     */
    private void runNow() throws Exception {
        FxThread.run(() -> assertThat(vm.run()).isTrue());
    }

    /** A short run so the tests stay quick. */
    private void shortSettings(int steps) {
        vm.form().text(SamplerField.STEPS).set(Integer.toString(steps));
        vm.form().text(SamplerField.ITERATIONS).set("4");
        vm.form().text(SamplerField.SEED).set("5");
    }

    @Test
    void loadingThePackShowsItsSamplesPresetsAndAMeasurementPreview() throws Exception {
        FxThread.run(() -> {
            assertThat(vm.session().packProperty().get()).isNotNull();
            assertThat(vm.session().gallery()).hasSize(6);
            assertThat(vm.preview().sourceProperty().get().name()).isEqualTo("toy-01.png");
            assertThat(vm.form().presetProperty().get()).isEqualTo("interactive");
            assertThat(vm.form().settings().steps()).isEqualTo(20);
            Image in = vm.preview().inputProperty().get();
            Image y = vm.preview().measurementProperty().get();
            assertThat(in.height()).isEqualTo(32);
            assertThat(y.data()).isNotEqualTo(in.data());
            assertThat(vm.canRunProperty().get()).isTrue();

            // the preview follows the operator: x2 downsampling halves y
            vm.degradation().kindProperty().set(OperatorSpec.Kind.SR);
            assertThat(vm.preview().measurementProperty().get().height()).isEqualTo(16);
            // measured mode: the loaded image is y as it is, restored at twice its size
            vm.degradation().modeProperty().set(Restorer.Mode.MEASURED);
            assertThat(vm.preview().inputProperty().get().height()).isEqualTo(32);
            assertThat(vm.sizes().restoredProperty().get()).isEqualTo(new SizeModel.Size(64, 64));
        });
    }

    @Test
    void aRunGoesFromRunningToSucceededWithEveryFrameAndLoss() throws Exception {
        FxThread.run(() -> {
            shortSettings(6);
            assertThat(vm.runModel().state()).isEqualTo(RunState.IDLE);
        });
        java.util.List<RunState> seen = new java.util.ArrayList<>();
        FxThread.run(() -> vm.runModel().stateProperty().addListener((o, a, b) -> seen.add(b)));
        runNow();
        FxThread.run(() -> {
            assertThat(seen).containsExactly(RunState.RUNNING, RunState.SUCCEEDED);
            RunModel run = vm.runModel();
            assertThat(run.frames()).hasSize(6);
            assertThat(run.losses()).hasSize(6 * 4);
            assertThat(run.timelineIndexProperty().get()).isEqualTo(5);
            assertThat(run.shownFrameProperty().get().index()).isEqualTo(5);
            assertThat(run.progressProperty().get()).isEqualTo(1.0);
            assertThat(run.progressTextProperty().get()).startsWith("Done: 6 steps");
            RunResult r = run.resultProperty().get();
            assertThat(r.outcome().psnr()).isFinite();
            assertThat(r.spec().settings().seed()).isEqualTo(5);
            assertThat(vm.canRunProperty().get()).isTrue();
            // scrubbing the timeline picks an earlier frame
            run.timelineIndexProperty().set(2);
            assertThat(run.shownFrameProperty().get().index()).isEqualTo(2);
        });
    }

    @Test
    void cancelStopsTheRunWithinOneIterationAndKeepsTheFramesSoFar() throws Exception {
        FxThread.run(() -> {
            shortSettings(12);
            // same-thread executor: the hook runs inside the sampler, as a click on Cancel would land mid-run
            vm.runModel().setSamplerHook(f -> {
                if (f.index() == 2) {
                    vm.cancel();
                    assertThat(vm.runModel().state()).isEqualTo(RunState.CANCELLING);
                }
            });
        });
        runNow();
        FxThread.run(() -> {
            assertThat(vm.runModel().state()).isEqualTo(RunState.CANCELLED);
            assertThat(vm.runModel().frames()).hasSize(3);
            assertThat(vm.runModel().resultProperty().get()).isNull();
            assertThat(vm.runModel().progressTextProperty().get()).isEqualTo("Cancelled after 3 steps");
            assertThat(vm.runModel().errorProperty().get()).isNull();
            vm.runModel().setSamplerHook(f -> { });
        });
        // and the next run starts from scratch
        runNow();
        FxThread.run(() -> {
            assertThat(vm.runModel().state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(vm.runModel().frames()).hasSize(12);
        });
    }

    @Test
    void invalidSettingsBlockRunWithAPlainReason() throws Exception {
        FxThread.run(() -> {
            vm.form().text(SamplerField.LR).set("-1");
            assertThat(vm.canRunProperty().get()).isFalse();
            assertThat(vm.runBlockerProperty().get()).startsWith("Fix the sampler settings: lr must be");
            assertThat(vm.run()).isFalse();
            assertThat(vm.messages().errorProperty().get().message()).contains("lr must be");
            assertThat(vm.runModel().state()).isEqualTo(RunState.IDLE);
        });
    }

    @Test
    void everyEditReachesRunEvenWhenNothingReadTheFormInBetween() throws Exception {
        FxThread.run(() -> {
            vm.form().text(SamplerField.ITERATIONS).set("x");
            assertThat(vm.canRunProperty().get()).isFalse();
            vm.form().text(SamplerField.ITERATIONS).set("5");
            assertThat(vm.canRunProperty().get()).isTrue();
            vm.form().text(SamplerField.ITERATIONS).set("y");
            assertThat(vm.canRunProperty().get()).isFalse();
            vm.form().text(SamplerField.ITERATIONS).set("6");
            vm.degradation().blurSizeProperty().set(4);
            assertThat(vm.runBlockerProperty().get()).startsWith("Fix the degradation: blur size");
        });
    }

    @Test
    void theSameSeedGivesTheSameResultAndAnotherSeedDoesNot() throws Exception {
        FxThread.run(() -> {
            shortSettings(5);
        });
        runNow();
        float[] first = FxThread.call(() -> vm.runModel().resultProperty().get().outcome().restored().data());
        runNow();
        float[] again = FxThread.call(() -> vm.runModel().resultProperty().get().outcome().restored().data());
        FxThread.run(() -> vm.form().text(SamplerField.SEED).set("6"));
        runNow();
        float[] other = FxThread.call(() -> vm.runModel().resultProperty().get().outcome().restored().data());
        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void savesPngGifAndBundleNeverOverwritingWithoutConsent() throws Exception {
        Path png = dir.resolve("out.png");
        Path gif = dir.resolve("frames.gif");
        Path bundle = dir.resolve("run" + RunBundle.EXTENSION);
        FxThread.run(() -> {
            assertThat(vm.files().saveRestored(png, false)).isEqualTo(SaveStatus.NOTHING_TO_SAVE);
            shortSettings(5);
        });
        runNow();
        FxThread.run(() -> {
            assertThat(vm.files().saveRestored(png, false)).isEqualTo(SaveStatus.STARTED);
            assertThat(vm.files().saveFrames(gif, false)).isEqualTo(SaveStatus.STARTED);
            assertThat(vm.files().saveBundle(bundle, false)).isEqualTo(SaveStatus.STARTED);
        });
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(32);
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(5 + 1);
            assertThat(reader.getWidth(0)).isEqualTo(256);
        }
        long before = Files.getLastModifiedTime(png).toMillis();
        byte[] bytes = Files.readAllBytes(png);
        FxThread.run(() -> {
            vm.form().text(SamplerField.SEED).set("99");
        });
        runNow();
        FxThread.run(() -> assertThat(vm.files().saveRestored(png, false)).isEqualTo(SaveStatus.EXISTS));
        assertThat(Files.readAllBytes(png)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(png).toMillis()).isEqualTo(before);
        FxThread.run(() -> assertThat(vm.files().saveRestored(png, true)).isEqualTo(SaveStatus.STARTED));
        assertThat(Files.readAllBytes(png)).isNotEqualTo(bytes);
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }

    @Test
    void aBundleReopensAndRerunsToTheSameResult() throws Exception {
        Path bundle = dir.resolve("blur" + RunBundle.EXTENSION);
        float[][] original = new float[1][];
        FxThread.run(() -> {
            vm.preview().useSample(vm.session().gallery().get(3));
            vm.degradation().blurSigmaProperty().set(1.1);
            vm.degradation().noiseSigmaProperty().set(0.03);
            shortSettings(5);
            vm.form().text(SamplerField.SEED).set("1234");
        });
        runNow();
        FxThread.run(() -> {
            original[0] = vm.runModel().resultProperty().get().outcome().restored().data();
            vm.files().saveBundle(bundle, false);
        });
        RunBundle.Contents contents = RunBundle.read(bundle);
        assertThat(contents.record().settings().get("seed").getAsLong()).isEqualTo(1234);
        assertThat(contents.record().metrics().has("psnr")).isTrue();
        FxThread.run(() -> {
            // change everything the bundle should restore
            vm.preview().useSample(vm.session().gallery().get(0));
            vm.degradation().kindProperty().set(OperatorSpec.Kind.SR);
            vm.degradation().noiseSigmaProperty().set(0.2);
            vm.form().text(SamplerField.SEED).set("1");
            vm.form().text(SamplerField.STEPS).set("9");
            vm.open(bundle);
        });
        FxThread.run(() -> {
            assertThat(vm.degradation().spec()).isEqualTo(OperatorSpec.blur(1.1, 9));
            assertThat(vm.degradation().noiseSigmaProperty().get()).isEqualTo(0.03);
            assertThat(vm.form().settings().seed()).isEqualTo(1234);
            assertThat(vm.runModel().state()).isEqualTo(RunState.SUCCEEDED);
            Image again = vm.runModel().resultProperty().get().outcome().restored();
            assertThat(again.data()).containsExactly(original[0]);
            // and the result the bundle recorded
            assertThat(vm.files().openedBundleProperty().get().restored().data()).containsExactly(original[0]);
        });
    }

    @Test
    void aBundleKeepsEverySettingExactlyNotAsTheFormRoundsIt() throws Exception {
        Path bundle = dir.resolve("exact" + RunBundle.EXTENSION);
        FxThread.run(() -> {
            shortSettings(4);
            vm.form().text(SamplerField.KL).set("1.234e-4");
            vm.form().text(SamplerField.LR).set("0.0123456789");
            vm.degradation().noiseSigmaProperty().set(0.0371);
        });
        runNow();
        FxThread.run(() -> assertThat(vm.files().saveBundle(bundle, false)).isEqualTo(SaveStatus.STARTED));
        assertThat(RunBundle.read(bundle).record().settings().get("kl").getAsDouble()).isEqualTo(1.234e-4);
        FxThread.run(() -> {
            vm.form().text(SamplerField.KL).set("1e-2");
            vm.form().text(SamplerField.LR).set("0.5");
            vm.degradation().noiseSigmaProperty().set(0.2);
            vm.open(bundle);
        });
        FxThread.run(() -> {
            RunSpec rerun = vm.runModel().resultProperty().get().spec();
            assertThat(rerun.settings().kl()).isEqualTo(1.234e-4);
            assertThat(rerun.settings().lr()).isEqualTo(0.0123456789);
            assertThat(rerun.noiseSigma()).isEqualTo(0.0371);
            // the form shows the same numbers, so running again from it changes nothing
            assertThat(vm.form().settings().kl()).isEqualTo(1.234e-4);
            assertThat(vm.form().settings().lr()).isEqualTo(0.0123456789);
        });
    }

    @Test
    void theResidualMapOfAFinishedRunIsScaledByThatRunsSigmaNotTheSlider() throws Exception {
        FxThread.run(() -> {
            shortSettings(3);
            vm.degradation().noiseSigmaProperty().set(0.1);
        });
        runNow();
        FxThread.run(() -> {
            assertThat(vm.live().residualScale()).isEqualTo(0.3, org.assertj.core.api.Assertions.within(1e-12));
            vm.degradation().noiseSigmaProperty().set(0.4);
            assertThat(vm.live().residualScale()).isEqualTo(0.3, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(vm.live().measurementProperty().get())
                    .isSameAs(vm.runModel().resultProperty().get().outcome().measurement());
        });
    }

    @Test
    void changingTheDeviceReloadsThePackAndClosesTheOneItReplaces() throws Exception {
        FxThread.run(() -> {
            LoadedPack before = vm.session().packProperty().get();
            assertThat(vm.form().deviceProperty().get()).isEqualTo("auto");
            vm.form().deviceProperty().set("cpu");
            LoadedPack after = vm.session().packProperty().get();
            assertThat(after).isNotSameAs(before);
            assertThat(after.pack().manager().isOpen()).isTrue();
            assertThat(before.pack().manager().isOpen()).isFalse();
            assertThat(vm.session().loadingProperty().get()).isFalse();
        });
    }

    @Test
    void afterAGpuFallbackTheSessionStaysOnTheCpuPackAndFreesTheOtherWithoutReloading() throws Exception {
        FxThread.run(() -> {
            LoadedPack device = vm.session().packProperty().get();
            // what RunLauncher hands over when the GPU ran out of memory: the pack loaded again on the CPU
            LoadedPack cpu = LoadedPack.load(ToyModel.TOY, "cpu");
            vm.session().switchToCpu(cpu);
            assertThat(vm.session().packProperty().get()).isSameAs(cpu);
            assertThat(vm.form().deviceProperty().get()).isEqualTo("cpu");
            assertThat(device.pack().manager().isOpen()).isFalse();
            assertThat(cpu.pack().manager().isOpen()).isTrue();
        });
    }

    @Test
    void aFileThatIsNotABundleGivesAPlainMessage() throws Exception {
        Path junk = dir.resolve("junk" + RunBundle.EXTENSION);
        Files.writeString(junk, "not a zip");
        FxThread.run(() -> {
            vm.open(junk);
            ErrorReport e = vm.messages().errorProperty().get();
            assertThat(e.message()).contains("junk.g2d2run").contains("run bundle");
            assertThat(e.hasDetails()).isFalse();
            vm.preview().openImage(dir.resolve("missing.png"));
            assertThat(vm.messages().errorProperty().get().message()).contains("does not exist");
        });
    }
}
