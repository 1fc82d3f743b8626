package org.g2d2.app.view;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.g2d2.app.vm.LiveModel;
import org.g2d2.app.vm.WorkbenchModel;
import org.g2d2.core.Image;
import org.g2d2.core.model.TokenLayout;
import org.g2d2.core.sampler.Frame;

/**
 * The run as it happens (or as the timeline replays it): the decoded x̂0 with the token mask map
 * over it, A(x̂) beside y with the residual heat map, and the loss chart.
 */
final class LivePane extends GridPane {

    private final WorkbenchModel vm;
    private final PixelView preview = new PixelView();
    private final PixelView measured = new PixelView();
    private final PixelView predicted = new PixelView();
    private final PixelView residual = new PixelView();
    private final Label frameInfo = new Label();

    LivePane(WorkbenchModel vm) {
        this.vm = vm;
        getStyleClass().add("live-pane");
        setHgap(12);
        setVgap(12);
        preview.setId("xhat-preview");
        measured.setId("live-y");
        predicted.setId("live-ax");
        residual.setId("live-residual");
        measured.captionProperty().set("y");
        predicted.captionProperty().set("A(x\u0302)");
        residual.captionProperty().set("|y \u2212 A(x\u0302)|");
        frameInfo.setId("frame-info");
        frameInfo.getStyleClass().add("frame-info");

        CheckBox tokens = new CheckBox("Token map");
        tokens.setId("token-map");
        tokens.setSelected(true);
        preview.overlayVisibleProperty().bind(tokens.selectedProperty());
        tokens.setTooltip(Forms.tip("Colour each token by what this step did to it."));
        javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(12, 4, tokens,
                swatch(FxImages.MASKED, "masked"), swatch(FxImages.NEWLY_COMMITTED, "newly committed"),
                swatch(FxImages.REMASKED, "re-masked"), swatch(FxImages.CHANGED, "changed"),
                swatch(Color.TRANSPARENT, "kept"));
        legend.setAlignment(Pos.CENTER_LEFT);
        frameInfo.setWrapText(true);
        legend.getStyleClass().add("legend");

        VBox left = new VBox(8, titled("Decoded estimate x\u0302\u2080", preview), legend, frameInfo);
        VBox.setVgrow(preview, Priority.ALWAYS);
        preview.setPrefSize(420, 420);

        HBox consistency = new HBox(8, measured, predicted, residual);
        for (PixelView p : new PixelView[] {measured, predicted, residual}) {
            p.setPrefSize(150, 150);
            HBox.setHgrow(p, Priority.ALWAYS);
        }
        LossChart chart = new LossChart(vm.runModel().losses());
        chart.setPrefHeight(260);
        VBox chartBox = titled("Losses per iteration", chart);
        VBox right = new VBox(12, titled("Measurement consistency", consistency), chartBox);
        VBox.setVgrow(chartBox, Priority.ALWAYS);

        add(left, 0, 0);
        add(right, 1, 0);
        var c0 = new javafx.scene.layout.ColumnConstraints();
        c0.setPercentWidth(50);
        var c1 = new javafx.scene.layout.ColumnConstraints();
        c1.setPercentWidth(50);
        getColumnConstraints().addAll(c0, c1);
        var r0 = new javafx.scene.layout.RowConstraints();
        r0.setVgrow(Priority.ALWAYS);
        getRowConstraints().add(r0);

        vm.runModel().shownFrameProperty().addListener((o, a, b) -> show());
        vm.live().measurementProperty().addListener((o, a, b) -> show());
        vm.preview().inputProperty().addListener((o, a, b) -> show());
        vm.runModel().resultProperty().addListener((o, a, b) -> show());
        vm.live().layoutProperty().addListener((o, a, b) -> show());
        show();
    }

    private void show() {
        Frame f = vm.runModel().shownFrameProperty().get();
        Image y = vm.live().measurementProperty().get();
        measured.imageProperty().set(y == null ? null : FxImages.of(y));
        if (f == null || f.preview() == null) {
            Image in = vm.preview().inputProperty().get();
            preview.imageProperty().set(in == null ? null : FxImages.of(in));
            preview.captionProperty().set(in == null ? null : "input");
            preview.overlayProperty().set(null);
            predicted.imageProperty().set(null);
            residual.imageProperty().set(null);
            frameInfo.setText("Press Run (Ctrl+R) to watch the sampler unmask tokens step by step.");
            return;
        }
        preview.imageProperty().set(FxImages.of(f.preview()));
        preview.captionProperty().set(String.format(Locale.ROOT, "step %d/%d", f.index() + 1, f.steps()));
        // the whole token grid of the run shown, which is the image's own, not the pack's context
        TokenLayout layout = vm.live().layoutProperty().get();
        if (layout != null && layout.grid().height() * layout.grid().width() == f.state().length) {
            preview.overlayProperty().set(FxImages.maskMap(f, layout.grid().height(), layout.grid().width(),
                    layout.height(), layout.width(), layout.stride()));
        } else {
            preview.overlayProperty().set(null);
        }
        if (f.predictedMeasurement() != null) {
            predicted.imageProperty().set(FxImages.of(f.predictedMeasurement()));
            if (y != null && y.data().length == f.predictedMeasurement().data().length) {
                residual.imageProperty().set(FxImages.residual(y, f.predictedMeasurement(), vm.live().residualScale()));
            }
        }
        frameInfo.setText(LiveModel.describe(f));
    }

    private static VBox titled(String title, Region content) {
        Label l = new Label(title);
        l.getStyleClass().add("section-label");
        VBox box = new VBox(4, l, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private static HBox swatch(Color c, String text) {
        Rectangle r = new Rectangle(12, 12, c);
        r.setStroke(Color.GRAY);
        r.setArcWidth(3);
        r.setArcHeight(3);
        HBox box = new HBox(4, r, new Label(text));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
