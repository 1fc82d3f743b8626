package org.g2d2.app.view;

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
        HBox bar = new HBox(8, new Label("Left"), left, new Label("Right"), right, fit, spacer, metrics);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("compare-bar");
        setTop(bar);
        setCenter(view);
        left.valueProperty().addListener(o -> show());
        right.valueProperty().addListener(o -> show());
        vm.runModel().resultProperty().addListener(o -> show());
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
        Restorer.Outcome o = r.outcome();
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
        view.imageProperty().set(FxImages.of(l.pick(o)));
        view.compareImageProperty().set(FxImages.of(rt.pick(o)));
        view.captionProperty().set(l.toString());
        view.compareCaptionProperty().set(rt.toString());
        metrics.setText(OutcomeText.metrics(o));
        metrics.setTooltip(Forms.tip(OutcomeText.details(o)));
    }
}
