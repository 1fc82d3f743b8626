package org.g2d2.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.g2d2.app.Workbench;
import org.g2d2.app.files.RunBundle;
import org.g2d2.app.files.SettingsFile;
import org.g2d2.app.vm.RunState;
import org.g2d2.app.vm.SamplerField;
import org.g2d2.app.vm.WorkbenchModel;
import org.g2d2.app.vm.Workers;
import org.g2d2.core.TorchRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless (Monocle), on the toy pack, with the real background thread: load a
 * sample, run, watch frames arrive and the timeline fill, scrub, cancel a second run, save and
 * reopen a bundle, and keyboard shortcuts.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {

    @TempDir
    static Path config;

    @TempDir
    Path dir;

    private Workbench workbench;
    private WorkbenchModel vm;

    @BeforeAll
    static void engine() {
        TorchRuntime.configure(1);
    }

    @Start
    void start(Stage stage) {
        workbench = new Workbench(stage, Workers.serial(Platform::runLater),
                new SettingsFile(config.resolve("workbench.json")));
        vm = workbench.model();
        workbench.loadPack(Path.of("models/toy"));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            vm.cancel();
            workbench.stage().hide();
        }).get(10, TimeUnit.SECONDS);
    }

    private void waitUntil(String what, int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            // the condition reads FX properties, so it is asked on the FX thread
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for " + what + "; state "
                    + vm.runModel().state() + ", run blocked by: " + vm.runBlockerProperty().get() + ", form: "
                    + vm.form().toState());
        }
    }

    private void type(FxRobot robot, SamplerField field, String text) throws Exception {
        reveal(robot, "#field-" + field.key());
        robot.doubleClickOn("#field-" + field.key());
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
    }

    /** Scrolls the side panel so the node is on screen, as a person would before clicking it. */
    private void reveal(FxRobot robot, String query) throws Exception {
        javafx.scene.Node node = robot.lookup(query).query();
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Node p = node.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                javafx.scene.Node content = sp.getContent();
                double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                double range = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                sp.setVvalue(range <= 0 ? 0 : Math.max(0, Math.min(1, (y - 40) / range)));
            }
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void ready(FxRobot robot) throws Exception {
        waitUntil("the pack and a sample", 30, () -> vm.canRunProperty().get());
    }

    @Test
    void loadsASampleRunsWatchesFramesArriveAndScrubsTheTimeline(FxRobot robot) throws Exception {
        ready(robot);
        reveal(robot, "#sample-2");
        robot.clickOn("#sample-2");
        waitUntil("the sample", 5, () -> robot.lookup("#input-name").queryAs(Label.class).getText()
                .equals("Input: toy-03.png"));
        type(robot, SamplerField.STEPS, "8");
        type(robot, SamplerField.ITERATIONS, "5");
        robot.clickOn("#run");
        waitUntil("the first frames", 20, () -> vm.runModel().frames().size() >= 1);
        waitUntil("the end of the run", 30, () -> vm.runModel().state() == RunState.SUCCEEDED);
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

        double pause = workbench.lastRunMaxPauseMs();
        System.out.printf("largest FX-thread pause during the UI test run: %.1f ms%n", pause);
        assertThat(pause).isGreaterThan(0).isLessThan(1500);
    }

    @Test
    void cancelStopsASecondRunWithinASecond(FxRobot robot) throws Exception {
        ready(robot);
        type(robot, SamplerField.STEPS, "4");
        type(robot, SamplerField.ITERATIONS, "3");
        robot.push(KeyCode.CONTROL, KeyCode.R);
        waitUntil("the first run", 30, () -> vm.runModel().state() == RunState.SUCCEEDED);

        type(robot, SamplerField.STEPS, "100");
        type(robot, SamplerField.ITERATIONS, "30");
        robot.clickOn("#run");
        waitUntil("frames of the second run", 30, () -> vm.runModel().frames().size() >= 2);
        long asked = System.nanoTime();
        robot.push(KeyCode.ESCAPE);
        waitUntil("the cancel", 5, () -> vm.runModel().state() == RunState.CANCELLED);
        double ms = (System.nanoTime() - asked) / 1e6;
        System.out.printf("cancel took %.0f ms from Esc to the run's end%n", ms);
        assertThat(ms).isLessThan(1000);
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
        waitUntil("the run", 30, () -> vm.runModel().state() == RunState.SUCCEEDED);
        float[] first = vm.runModel().resultProperty().get().outcome().restored().data();

        Path png = dir.resolve("result.png");
        Path bundle = dir.resolve("result" + RunBundle.EXTENSION);
        // the file choosers are native dialogs; their choice goes to these commands
        WaitForAsyncUtils.asyncFx(() -> {
            vm.files().saveRestored(png, false);
            vm.files().saveBundle(bundle, false);
        }).get();
        waitUntil("both files", 10, () -> Files.isRegularFile(png) && Files.isRegularFile(bundle));
        waitUntil("the notice", 5, () -> String.valueOf(vm.messages().noticeProperty().get()).startsWith("Saved"));

        type(robot, SamplerField.SEED, "424242");
        WaitForAsyncUtils.asyncFx(() -> vm.open(bundle)).get();
        waitUntil("the re-run", 30, () -> vm.files().openedBundleProperty().get() != null
                && vm.runModel().state() == RunState.SUCCEEDED);
        assertThat(vm.form().settings().seed()).isNotEqualTo(424242);
        assertThat(vm.runModel().resultProperty().get().outcome().restored().data()).containsExactly(first);
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
