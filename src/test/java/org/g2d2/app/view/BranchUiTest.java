package org.g2d2.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import org.g2d2.app.files.RunBundle;
import org.g2d2.app.vm.RunBranch;
import org.g2d2.app.vm.RunState;
import org.g2d2.app.vm.SamplerField;
import org.g2d2.core.io.RunBundleFormat;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.Start;

/**
 * Branching in the real window (headless, toy pack): run, pick a step on the timeline, Branch
 * from here, Run with unchanged settings and then a branch of that with another KL, compare the
 * branches, and save one bundle holding all three.
 */
class BranchUiTest extends ToyPackWindow {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @TempDir
    Path dir;

    @Override
    protected String state() {
        return super.state() + ", branch blocked by: " + vm.branches().blockerProperty().get();
    }

    /** Scrubs the timeline to frame {@code index} (0-based) and presses Branch from here. */
    private void branchAt(FxRobot robot, int index) throws Exception {
        Slider timeline = robot.lookup("#timeline").queryAs(Slider.class);
        WaitForAsyncUtils.asyncFx(() -> timeline.setValue(index)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#branch-here").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#branch-here");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void runAndAwait(FxRobot robot, int branches) throws Exception {
        robot.clickOn("#run");
        awaitEvent("branch count " + branches, () -> vm.runModel().state() == RunState.SUCCEEDED
                && vm.branches().branches().size() == branches, vm.runModel().stateProperty(),
                vm.branches().branches());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void branchesAFinishedRunComparesTheBranchesAndSavesThemInOneBundle(FxRobot robot) throws Exception {
        awaitEvent("the pack and a sample", () -> vm.canRunProperty().get(), vm.canRunProperty());
        type(robot, SamplerField.STEPS, "6");
        type(robot, SamplerField.ITERATIONS, "4");
        runAndAwait(robot, 1);
        RunBranch original = vm.branches().branches().get(0);
        // nothing is left to run after the last step
        assertThat(robot.lookup("#branch-here").queryAs(Button.class).isDisabled()).isTrue();

        branchAt(robot, 2);
        assertThat(robot.lookup("#branch-status").queryAs(Label.class).getText())
                .startsWith("Branching after step 3 of original");
        assertThat(robot.lookup("#run").queryAs(Button.class).getText()).isEqualTo("Run branch");
        runAndAwait(robot, 2);
        RunBranch same = vm.branches().branches().get(1);
        assertThat(same.fromStep()).isEqualTo(3);
        assertThat(same.frames()).hasSize(6);
        assertThat(same.result().outcome().restored().data())
                .containsExactly(original.result().outcome().restored().data());
        for (int j = 3; j < 6; j++) {
            assertThat(same.frames().get(j).state()).containsExactly(original.frames().get(j).state());
        }

        branchAt(robot, 3);
        type(robot, SamplerField.KL, "2.5");
        runAndAwait(robot, 3);
        RunBranch strong = vm.branches().branches().get(2);
        assertThat(strong.parent()).isEqualTo(1);
        assertThat(strong.result().spec().settings().kl()).isEqualTo(2.5);
        assertThat(strong.frames().get(4).likelihoodLosses()).isNotEqualTo(same.frames().get(4).likelihoodLosses());

        // the compare view shows the new branch beside the one it came from
        robot.clickOn("#tab-compare");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ChoiceBox<RunBranch> right = robot.lookup("#compare-right-branch").queryAs(ChoiceBox.class);
        @SuppressWarnings("unchecked")
        ChoiceBox<RunBranch> left = robot.lookup("#compare-left-branch").queryAs(ChoiceBox.class);
        assertThat(right.isVisible()).isTrue();
        assertThat(right.getValue()).isSameAs(strong);
        assertThat(left.getValue()).isSameAs(same);
        assertThat(robot.lookup("#metrics").queryAs(Label.class).getText()).startsWith("left PSNR");

        // the timeline can replay the original again, and branch it anew
        WaitForAsyncUtils.asyncFx(() -> vm.branches().timelineProperty().set(original)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.runModel().frames()).containsExactlyElementsOf(original.frames());
        assertThat(vm.runModel().resultProperty().get()).isSameAs(original.result());
        branchAt(robot, 1);
        assertThat(robot.lookup("#branch-status").queryAs(Label.class).getText())
                .startsWith("Branching after step 2 of original");
        robot.clickOn("#branch-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.branches().armedProperty().get()).isNull();

        Path bundle = dir.resolve("branched" + RunBundle.EXTENSION);
        WaitForAsyncUtils.asyncFx(() -> vm.files().saveBundle(bundle, false)).get();
        awaitEvent("the bundle", () -> Files.isRegularFile(bundle), vm.messages().noticeProperty());
        RunBundle.Contents c = RunBundle.read(bundle);
        assertThat(c.branches()).hasSize(3);
        assertThat(c.branches()).extracting(RunBundleFormat.Branch::parent).containsExactly(-1, 0, 1);
        assertThat(c.branches()).extracting(RunBundleFormat.Branch::fromStep).containsExactly(0, 3, 4);
        assertThat(c.branches().get(1).restored().data()).containsExactly(c.restored().data());
        assertThat(c.branches().get(2).settings().kl()).isEqualTo(2.5);
        assertThat(c.branches().get(0).states()).hasSize(5);
        assertThat(c.branches().get(1).stepTokens()).hasSize(3);
        RunBundleFormat.Contents stored = RunBundleFormat.read(bundle);
        assertThat(stored.stateAt(2, 5).step()).isEqualTo(5);
        assertThat(stored.stateAt(2, 2).tokens()).containsExactly(original.frames().get(1).state());
    }
}
