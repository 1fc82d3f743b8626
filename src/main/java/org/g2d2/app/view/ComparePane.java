package org.g2d2.app.view;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.g2d2.app.vm.OutcomeText;
import org.g2d2.app.vm.RunBranch;
import org.g2d2.app.vm.RunResult;
import org.g2d2.app.vm.WorkbenchModel;
import org.g2d2.core.Image;
import org.g2d2.core.Restorer;

/** Before/after: two of truth, measurement and result either side of a draggable divider, with the metrics. */
final class ComparePane extends BorderPane {

    /** What either side can show. */
    enum Side {
        TRUTH("Truth"), MEASUREMENT("Measurement y"), RESULT("Result"), RESULT_MEASUREMENT("A(result)");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }

        Image pick(Restorer.Outcome o) {
            return switch (this) {
                case TRUTH -> o.truth();
                case MEASUREMENT -> o.measurement();
                case RESULT -> o.restored();
                case RESULT_MEASUREMENT -> o.restoredMeasurement();
            };
        }
    }

    private final WorkbenchModel vm;
    private final PixelView view = new PixelView();
    private final ChoiceBox<Side> left = new ChoiceBox<>(FXCollections.observableArrayList(Side.values()));
    private final ChoiceBox<Side> right = new ChoiceBox<>(FXCollections.observableArrayList(Side.values()));
    private final ChoiceBox<RunBranch> leftBranch = new ChoiceBox<>();
    private final ChoiceBox<RunBranch> rightBranch = new ChoiceBox<>();
    private final Label metrics = new Label();

    ComparePane(WorkbenchModel vm) {
        this.vm = vm;
        getStyleClass().add("compare-pane");
        view.setId("compare-view");
        left.setId("compare-left");
        right.setId("compare-right");
        metrics.setId("metrics");
        metrics.getStyleClass().add("metrics");
        left.setValue(Side.MEASUREMENT);
        right.setValue(Side.RESULT);
        Button fit = new Button(null, Icons.of(Icons.FIT));
        fit.setTooltip(Forms.tip("Fit the image to the view (or double-click it). Scroll to zoom, drag to pan."));
        fit.setOnAction(e -> view.fit());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        leftBranch.setId("compare-left-branch");
        rightBranch.setId("compare-right-branch");
        for (ChoiceBox<RunBranch> c : List.of(leftBranch, rightBranch)) {
            c.setItems(vm.branches().branches());
            c.setTooltip(Forms.tip("Which branch of the run this side shows: the original, or a run branched from "
                    + "one of its steps (Branch from here, below the timeline)."));
            // only once there is more than one branch to choose from
            c.visibleProperty().bind(Bindings.size(vm.branches().branches()).greaterThan(1));
            c.managedProperty().bind(c.visibleProperty());
        }
        leftBranch.valueProperty().bindBidirectional(vm.branches().leftProperty());
        rightBranch.valueProperty().bindBidirectional(vm.branches().rightProperty());
        HBox bar = new HBox(8, new Label("Left"), leftBranch, left, new Label("Right"), rightBranch, right, fit, spacer,
                metrics);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("compare-bar");
        setTop(bar);
        setCenter(view);
        left.valueProperty().addListener(o -> show());
        right.valueProperty().addListener(o -> show());
        vm.runModel().resultProperty().addListener(o -> show());
        vm.branches().leftProperty().addListener(o -> show());
        vm.branches().rightProperty().addListener(o -> show());
        show();
    }

    private void show() {
        RunResult r = vm.runModel().resultProperty().get();
        if (r == null) {
            view.imageProperty().set(null);
            view.compareImageProperty().set(null);
            metrics.setText("Run a restoration to compare.");
            metrics.setTooltip(null);
            return;
        }
        RunBranch lb = vm.branches().leftProperty().get();
        RunBranch rb = vm.branches().rightProperty().get();
        Restorer.Outcome lo = lb != null ? lb.result().outcome() : r.outcome();
        Restorer.Outcome o = rb != null ? rb.result().outcome() : r.outcome();
        Side l = left.getValue();
        Side rt = right.getValue();
        if (!o.hasTruth()) {
            // measured mode: there is no truth to show
            if (l == Side.TRUTH) {
                l = Side.MEASUREMENT;
            }
            if (rt == Side.TRUTH) {
                rt = Side.RESULT;
            }
        }
        // the result sets the frame; a smaller measurement is stretched onto it, pixels kept sharp
        view.imageProperty().set(FxImages.of(l.pick(lo)));
        view.compareImageProperty().set(FxImages.of(rt.pick(o)));
        boolean branched = vm.branches().branches().size() > 1;
        view.captionProperty().set(branched && lb != null ? l + " \u00b7 " + lb.name() : l.toString());
        view.compareCaptionProperty().set(branched && rb != null ? rt + " \u00b7 " + rb.name() : rt.toString());
        metrics.setText(branched && lo != o ? "left " + OutcomeText.metrics(lo) + "   right " + OutcomeText.metrics(o)
                : OutcomeText.metrics(o));
        metrics.setTooltip(Forms.tip(OutcomeText.details(o)));
    }
}
