package org.g2d2.app.view;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.g2d2.app.vm.RunBranch;
import org.g2d2.app.vm.RunModel;
import org.g2d2.app.vm.WorkbenchModel;

/**
 * The timeline (scrub and replay frames), the progress bar with step, elapsed and ETA, notices,
 * and the image's size, token grid and prior windows.
 */
final class StatusBar extends VBox {

    private final Slider timeline = new Slider(0, 0, 0);
    private final Timeline player = new Timeline();

    StatusBar(WorkbenchModel vm) {
        getStyleClass().add("status-bar");
        RunModel run = vm.runModel();

        timeline.setId("timeline");
        timeline.setBlockIncrement(1);
        timeline.setMajorTickUnit(1);
        timeline.setMinorTickCount(0);
        timeline.setSnapToTicks(true);
        timeline.setTooltip(Forms.tip("Drag to replay the run step by step."));
        timeline.maxProperty().bind(Bindings.max(0, Bindings.size(run.frames()).subtract(1)));
        timeline.disableProperty().bind(Bindings.isEmpty(run.frames()));
        timeline.valueProperty().addListener((o, a, b) -> {
            int i = (int) Math.round(b.doubleValue());
            if (i != run.timelineIndexProperty().get() && i < run.frames().size()) {
                run.timelineIndexProperty().set(i);
            }
        });
        run.timelineIndexProperty().addListener((o, a, b) -> {
            if (Math.round(timeline.getValue()) != b.intValue()) {
                timeline.setValue(Math.max(0, b.intValue()));
            }
        });
        Button play = new Button(null, Icons.of(Icons.PLAY));
        play.setId("replay");
        play.setTooltip(Forms.tip("Replay every step from the start."));
        play.disableProperty().bind(Bindings.isEmpty(run.frames()).or(run.busyProperty()));
        play.setOnAction(e -> replay(run));
        Label frameLabel = new Label();
        frameLabel.setId("timeline-label");
        frameLabel.setMinWidth(90);
        frameLabel.textProperty().bind(Bindings.createStringBinding(() -> run.frames().isEmpty() ? "no frames"
                : "frame " + (run.timelineIndexProperty().get() + 1) + "/" + run.frames().size(),
                run.frames(), run.timelineIndexProperty()));
        Button branch = new Button("Branch from here");
        branch.setId("branch-here");
        branch.disableProperty().bind(vm.branches().blockerProperty().isNotNull().or(run.busyProperty()));
        Tooltip branchTip = Forms.tip("");
        branchTip.textProperty().bind(Bindings.createStringBinding(() -> {
            String why = vm.branches().blockerProperty().get();
            return "Rewind the finished run to the step shown, change sampler settings (not Steps), and Run the "
                    + "remaining steps from that step's state. Compare shows the branches side by side."
                    + (why == null ? "" : "\n" + why);
        }, vm.branches().blockerProperty()));
        branch.setTooltip(branchTip);
        branch.setOnAction(e -> vm.branches().branchFromShown());
        ChoiceBox<RunBranch> shownBranch = new ChoiceBox<>(vm.branches().branches());
        shownBranch.setId("timeline-branch");
        shownBranch.setTooltip(Forms.tip("Which branch the timeline and the live view replay."));
        shownBranch.valueProperty().bindBidirectional(vm.branches().timelineProperty());
        shownBranch.disableProperty().bind(run.busyProperty());
        shownBranch.visibleProperty().bind(Bindings.size(vm.branches().branches()).greaterThan(1));
        shownBranch.managedProperty().bind(shownBranch.visibleProperty());
        HBox timelineRow = new HBox(8, play, shownBranch, timeline, frameLabel, branch);
        timelineRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(timeline, Priority.ALWAYS);

        ProgressBar bar = new ProgressBar(0);
        bar.setId("progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(run.progressProperty());
        Label progressText = new Label();
        progressText.setId("progress-text");
        progressText.textProperty().bind(run.progressTextProperty());
        Label notice = new Label();
        notice.setId("notice");
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(vm.messages().noticeProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label pack = new Label();
        pack.setId("pack-status");
        pack.getStyleClass().add("muted");
        pack.textProperty().bind(vm.session().statusProperty());
        Label size = new Label();
        size.setId("size-status");
        size.getStyleClass().add("muted");
        size.textProperty().bind(vm.sizes().statusProperty());
        size.setTooltip(Forms.tip("The image's size, the token grid it is restored on, and how many windows of the "
                + "prior's context cover that grid."));
        HBox progressRow = new HBox(10, bar, progressText, spacer, notice, size, pack);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        Label branchStatus = new Label();
        branchStatus.setId("branch-status");
        branchStatus.getStyleClass().add("notice");
        branchStatus.textProperty().bind(vm.branches().statusProperty());
        Button dropBranch = new Button("Cancel branch");
        dropBranch.setId("branch-cancel");
        dropBranch.setOnAction(e -> vm.branches().disarm());
        HBox branchRow = new HBox(8, branchStatus, dropBranch);
        branchRow.setAlignment(Pos.CENTER_LEFT);
        branchRow.visibleProperty().bind(vm.branches().armedProperty().isNotNull());
        branchRow.managedProperty().bind(branchRow.visibleProperty());
        getChildren().addAll(timelineRow, branchRow, progressRow);
        setSpacing(6);
    }

    private void replay(RunModel run) {
        player.stop();
        player.getKeyFrames().clear();
        int n = run.frames().size();
        for (int i = 0; i < n; i++) {
            int index = i;
            player.getKeyFrames().add(new KeyFrame(Duration.millis(90.0 * i), e -> run.timelineIndexProperty().set(index)));
        }
        player.playFromStart();
    }
}
