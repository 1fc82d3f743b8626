package org.g2d2.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.g2d2.app.files.RunBundle;
import org.g2d2.app.files.SettingsFile;
import org.g2d2.app.vm.RunState;
import org.g2d2.app.vm.SamplerField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.Start;

/**
 * The real window, headless (Monocle), on the toy pack, with the real background thread: load a
 * sample, run, watch frames arrive and the timeline fill, scrub, cancel a second run, save and
 * reopen a bundle, and keyboard shortcuts.
 */
class WorkbenchUiTest extends ToyPackWindow {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @TempDir
    Path dir;

    private void awaitState(String what, RunState state) throws Exception {
        awaitEvent(what, () -> vm.runModel().state() == state, vm.runModel().stateProperty());
    }

    /** A colour gradient: red rises left to right while green falls. */
    private static java.awt.image.BufferedImage wideColourPicture(int height, int width) {
        var img = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = x * 255 / width;
                img.setRGB(x, y, (v << 16) | ((255 - v) << 8) | (y * 255 / height));
            }
        }
        return img;
    }

    private void ready(FxRobot robot) throws Exception {
        awaitEvent("the pack and a sample", () -> vm.canRunProperty().get(), vm.canRunProperty());
    }

    @Test
    void loadsASampleRunsWatchesFramesArriveAndScrubsTheTimeline(FxRobot robot) throws Exception {
        ready(robot);
        reveal(robot, "#sample-2");
        robot.clickOn("#sample-2");
        Label inputName = robot.lookup("#input-name").queryAs(Label.class);
        awaitEvent("the sample", () -> inputName.getText().startsWith("Input: toy-03.png"), inputName.textProperty());
        type(robot, SamplerField.STEPS, "8");
        type(robot, SamplerField.ITERATIONS, "5");
        robot.clickOn("#run");
        awaitEvent("the first frames", () -> vm.runModel().frames().size() >= 1, vm.runModel().frames());
        awaitState("the end of the run", RunState.SUCCEEDED);
        WaitForAsyncUtils.waitForFxEvents();

        Slider timeline = robot.lookup("#timeline").queryAs(Slider.class);
        assertThat(vm.runModel().frames()).hasSize(8);
        assertThat(timeline.getMax()).isEqualTo(7.0);
        assertThat(timeline.getValue()).isEqualTo(7.0);
        assertThat(vm.runModel().losses()).hasSize(40);
        assertThat(robot.lookup("#progress-text").queryAs(Label.class).getText()).startsWith("Done: 8 steps");
        assertThat(robot.lookup("#metrics").queryAs(Label.class).getText()).startsWith("PSNR ");

        WaitForAsyncUtils.asyncFx(() -> timeline.setValue(2)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.runModel().shownFrameProperty().get().index()).isEqualTo(2);
        assertThat(robot.lookup("#timeline-label").queryAs(Label.class).getText()).isEqualTo("frame 3/8");
        assertThat(robot.lookup("#xhat-preview").queryAs(PixelView.class).captionProperty().get())
                .isEqualTo("step 3/8");
        assertThat(robot.lookup("#xhat-preview").queryAs(PixelView.class).overlayProperty().get()).isNotNull();

        // how long the FX thread paused is a benchmark figure (scripts/screenshots.sh), not a test limit
        double pause = workbench.lastRunMaxPauseMs();
        System.out.printf("largest FX-thread pause during the UI test run: %.1f ms%n", pause);
        assertThat(pause).isGreaterThan(0);
    }

    @Test
    void cancelStopsASecondRunWithinOneSamplerStep(FxRobot robot) throws Exception {
        ready(robot);
        type(robot, SamplerField.STEPS, "4");
        type(robot, SamplerField.ITERATIONS, "3");
        robot.push(KeyCode.CONTROL, KeyCode.R);
        awaitState("the first run", RunState.SUCCEEDED);

        // frames the sampler produced, counted on its own thread, and how many there were at the cancel
        AtomicInteger produced = new AtomicInteger();
        AtomicInteger atCancel = new AtomicInteger(-1);
        vm.runModel().setSamplerHook(f -> produced.incrementAndGet());
        WaitForAsyncUtils.asyncFx(() -> vm.runModel().stateProperty().addListener((o, a, st) -> {
            if (st == RunState.CANCELLING) {
                atCancel.set(produced.get());
            }
        })).get();
        type(robot, SamplerField.STEPS, "100");
        type(robot, SamplerField.ITERATIONS, "30");
        robot.clickOn("#run");
        awaitEvent("frames of the second run", () -> vm.runModel().frames().size() >= 2, vm.runModel().frames());
        robot.push(KeyCode.ESCAPE);
        awaitState("the cancel", RunState.CANCELLED);
        // the sampler checks the flag every iteration, so at most the step under way hands over a frame
        assertThat(atCancel.get()).isGreaterThanOrEqualTo(2);
        assertThat(produced.get() - atCancel.get()).isLessThanOrEqualTo(1);
        assertThat(vm.runModel().frames().size()).isLessThan(100);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#run").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#cancel").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void savesAPngAndABundleAndReopensTheBundleToTheSameResult(FxRobot robot) throws Exception {
        ready(robot);
        type(robot, SamplerField.STEPS, "6");
        type(robot, SamplerField.ITERATIONS, "4");
        robot.clickOn("#run");
        awaitState("the run", RunState.SUCCEEDED);
        float[] first = vm.runModel().resultProperty().get().outcome().restored().data();

        Path png = dir.resolve("result.png");
        Path bundle = dir.resolve("result" + RunBundle.EXTENSION);
        // the file choosers are native dialogs; their choice goes to these commands
        WaitForAsyncUtils.asyncFx(() -> {
            vm.files().saveRestored(png, false);
            vm.files().saveBundle(bundle, false);
        }).get();
        // each save posts "Saved NAME" once its file is in place
        awaitEvent("both files", () -> Files.isRegularFile(png) && Files.isRegularFile(bundle),
                vm.messages().noticeProperty());

        type(robot, SamplerField.SEED, "424242");
        WaitForAsyncUtils.asyncFx(() -> vm.open(bundle)).get();
        awaitEvent("the re-run", () -> vm.files().openedBundleProperty().get() != null
                && vm.runModel().state() == RunState.SUCCEEDED, vm.files().openedBundleProperty(),
                vm.runModel().stateProperty());
        assertThat(vm.form().settings().seed()).isNotEqualTo(424242);
        assertThat(vm.runModel().resultProperty().get().outcome().restored().data()).containsExactly(first);
    }

    @Test
    void aNonSquareColourImageIsShownAtItsSizeAndOverTheLimitOffersAFit(FxRobot robot) throws Exception {
        ready(robot);
        WaitForAsyncUtils.asyncFx(() -> vm.preview().usePicture("wide.png",
                wideColourPicture(40, 72))).get();
        awaitEvent("the wide image's y", () -> vm.preview().measurementProperty().get() != null
                && vm.preview().measurementProperty().get().width() == 72, vm.preview().measurementProperty());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.Image shown = robot.lookup("#xhat-preview").queryAs(PixelView.class).imageProperty().get();
        assertThat(shown.getWidth()).isEqualTo(72);
        assertThat(shown.getHeight()).isEqualTo(40);
        javafx.scene.image.Image y = robot.lookup("#live-y").queryAs(PixelView.class).imageProperty().get();
        assertThat(y.getWidth()).isEqualTo(72);
        // colour survives to the screen: some pixel has red and green that differ
        boolean colour = false;
        for (int x = 0; x < 72 && !colour; x++) {
            javafx.scene.paint.Color c = shown.getPixelReader().getColor(x, 20);
            colour = Math.abs(c.getRed() - c.getGreen()) > 0.1;
        }
        assertThat(colour).isTrue();
        assertThat(robot.lookup("#size-status").queryAs(Label.class).getText())
                .startsWith("72\u00d740 colour \u00b7 18\u00d710 tokens");

        javafx.scene.Node warning = robot.lookup("#size-warning").query();
        assertThat(warning.isVisible()).isFalse();
        reveal(robot, "#max-pixels");
        robot.doubleClickOn("#max-pixels");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("2000");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(warning.isVisible()).isTrue();
        assertThat(robot.lookup("#size-warning-text").queryAs(Label.class).getText()).contains("2,000");
        assertThat(robot.lookup("#run").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#fit-image");
        awaitEvent("the fitted image's y", () -> vm.preview().measurementProperty().get() != null
                && vm.preview().measurementProperty().get().width() < 72, vm.preview().measurementProperty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(warning.isVisible()).isFalse();
        assertThat(robot.lookup("#run").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#xhat-preview").queryAs(PixelView.class).imageProperty().get().getWidth())
                .isEqualTo(vm.preview().sourceProperty().get().image().width());
    }

    @Test
    void theSamplersKeyControlsAreInViewWithoutScrollingIn1280x800(FxRobot robot) throws Exception {
        ready(robot);
        WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = workbench.stage();
            stage.setMaximized(false);
            stage.setWidth(1280);
            stage.setHeight(800);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane side = robot.lookup(".side").queryAs(javafx.scene.control.ScrollPane.class);
        javafx.scene.Scene scene = side.getScene();
        assertThat(scene.getHeight()).isLessThanOrEqualTo(800);
        assertThat(side.getVvalue()).isZero();
        javafx.scene.Node viewport = side.lookup(".viewport");
        javafx.geometry.Bounds visible = viewport.localToScene(viewport.getBoundsInLocal());
        javafx.geometry.Bounds window = new javafx.geometry.BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        for (String id : new String[] {"#preset", "#field-steps", "#kl-slider", "#field-kl", "#field-temperature"}) {
            javafx.scene.Node node = robot.lookup(id).query();
            javafx.geometry.Bounds b = node.localToScene(node.getBoundsInLocal());
            assertThat(node.isVisible()).as(id).isTrue();
            assertThat(visible.contains(b)).as(id + " at " + b + " inside the side panel's viewport " + visible).isTrue();
            assertThat(window.contains(b)).as(id + " at " + b + " inside the 1280x800 scene").isTrue();
        }
    }

    @Test
    void invalidTextDisablesRunAndThemeAndSettingsPersist(FxRobot robot) throws Exception {
        ready(robot);
        Button run = robot.lookup("#run").queryAs(Button.class);
        assertThat(run.isDisabled()).isFalse();
        type(robot, SamplerField.ITERATIONS, "many");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run.isDisabled()).isTrue();
        assertThat(run.getTooltip().getText()).contains("iterations must be a whole number");
        type(robot, SamplerField.ITERATIONS, "7");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run.isDisabled()).isFalse();

        robot.push(KeyCode.CONTROL, KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.theme().nameProperty().get()).isEqualTo("dark");
        assertThat(run.getScene().getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));

        WaitForAsyncUtils.asyncFx(workbench::saveSettings).get();
        var saved = new SettingsFile(config.resolve("workbench.json")).load();
        assertThat(saved.get("theme").getAsString()).isEqualTo("dark");
        assertThat(saved.getAsJsonObject("workbench").getAsJsonObject("sampler").get("iterations").getAsString())
                .isEqualTo("7");
        assertThat(saved.get("width").getAsDouble()).isGreaterThan(0);
        WaitForAsyncUtils.asyncFx(() -> workbench.theme().toggle()).get();
    }
}
