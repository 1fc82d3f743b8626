package org.g2d2.app.view;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.g2d2.app.vm.WorkbenchModel;
import org.g2d2.core.Restorer;
import org.g2d2.core.operator.OperatorSpec;

/** Mode, operator A and noise σ_y, with the input and the live measurement preview y beside each other. */
final class DegradationPane extends VBox {

    DegradationPane(WorkbenchModel vm) {
        super(8);
        var d = vm.degradation();
        GridPane g = Forms.grid();
        int row = 0;

        ToggleGroup modes = new ToggleGroup();
        ToggleButton simulate = new ToggleButton("Simulate");
        simulate.setId("mode-simulate");
        simulate.setTooltip(Forms.tip("The image is the truth: degrade it with the settings below, restore it, "
                + "and measure how close the result comes."));
        ToggleButton measured = new ToggleButton("Measured");
        measured.setId("mode-measured");
        measured.setTooltip(Forms.tip("The image already is a blurred or small measurement y; say below how it "
                + "was degraded."));
        simulate.setToggleGroup(modes);
        measured.setToggleGroup(modes);
        simulate.setUserData(Restorer.Mode.SIMULATE);
        measured.setUserData(Restorer.Mode.MEASURED);
        modes.selectToggle(d.modeProperty().get() == Restorer.Mode.SIMULATE ? simulate : measured);
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                modes.selectToggle(a); // one mode is always chosen
            } else {
                d.modeProperty().set((Restorer.Mode) b.getUserData());
            }
        });
        d.modeProperty().addListener((o, a, b) -> modes.selectToggle(b == Restorer.Mode.SIMULATE ? simulate : measured));
        HBox modeBox = new HBox(simulate, measured);
        modeBox.getStyleClass().add("segmented");
        g.addRow(row++, Forms.label("Mode", null), modeBox);

        ChoiceBox<OperatorSpec.Kind> kind = new ChoiceBox<>(FXCollections.observableArrayList(OperatorSpec.Kind.values()));
        kind.setId("operator");
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(OperatorSpec.Kind k) {
                return k == null ? "" : switch (k) {
                    case BLUR -> "Gaussian blur";
                    case SR -> "Downsample (bicubic)";
                    case SR_BOX -> "Downsample (box)";
                    case IDENTITY -> "None (noise only)";
                    case KERNEL -> "Blur kernel (motion)";
                    case INPAINT -> "Inpainting (mask)";
                    case SATURATE -> "Over-exposure (clipped blur)";
                };
            }

            @Override
            public OperatorSpec.Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(d.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        kind.setTooltip(Forms.tip("The known linear operator A that made the measurement y from the image."));
        g.addRow(row++, Forms.label("Operator", null), kind);

        BooleanBinding isBlur = d.kindProperty().isEqualTo(OperatorSpec.Kind.BLUR)
                .or(d.kindProperty().isEqualTo(OperatorSpec.Kind.SATURATE));
        BooleanBinding isKernel = d.kindProperty().isEqualTo(OperatorSpec.Kind.KERNEL);
        BooleanBinding isInpaint = d.kindProperty().isEqualTo(OperatorSpec.Kind.INPAINT);
        BooleanBinding isSaturate = d.kindProperty().isEqualTo(OperatorSpec.Kind.SATURATE);
        BooleanBinding isSr = d.kindProperty().isEqualTo(OperatorSpec.Kind.SR).or(d.kindProperty().isEqualTo(OperatorSpec.Kind.SR_BOX));

        Slider sigma = new Slider(0.3, 5, d.blurSigmaProperty().get());
        sigma.setId("blur-sigma");
        sigma.valueProperty().bindBidirectional(d.blurSigmaProperty());
        String sigmaHelp = "Width of the blur in pixels: larger blurs more.";
        sigma.setTooltip(Forms.tip(sigmaHelp));
        Label sigmaValue = value(Bindings.format(Locale.ROOT, "%.2f px", d.blurSigmaProperty()));
        row = showIf(g, row, isBlur, Forms.label("Blur \u03c3", sigmaHelp), grow(sigma, sigmaValue));

        Spinner<Integer> size = new Spinner<>();
        size.setId("blur-size");
        SpinnerValueFactory.IntegerSpinnerValueFactory sizes =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 61, d.blurSizeProperty().get(), 2);
        size.setValueFactory(sizes);
        sizes.valueProperty().addListener((o, a, b) -> d.blurSizeProperty().set(b));
        d.blurSizeProperty().addListener((o, a, b) -> sizes.setValue(b.intValue()));
        size.setMaxWidth(Double.MAX_VALUE);
        String sizeHelp = "Side of the blur kernel in pixels (odd); about six times \u03c3 covers it all.";
        size.setTooltip(Forms.tip(sizeHelp));
        row = showIf(g, row, isBlur, Forms.label("Kernel size", sizeHelp), size);

        ToggleGroup scales = new ToggleGroup();
        ToggleButton x2 = new ToggleButton("\u00d72");
        x2.setId("scale-2");
        ToggleButton x4 = new ToggleButton("\u00d74");
        x4.setId("scale-4");
        x2.setToggleGroup(scales);
        x4.setToggleGroup(scales);
        x2.setUserData(2);
        x4.setUserData(4);
        scales.selectToggle(d.scaleProperty().get() == 4 ? x4 : x2);
        scales.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                scales.selectToggle(a);
            } else {
                d.scaleProperty().set((Integer) b.getUserData());
            }
        });
        d.scaleProperty().addListener((o, a, b) -> scales.selectToggle(b.intValue() == 4 ? x4 : x2));
        HBox scaleBox = new HBox(x2, x4);
        scaleBox.getStyleClass().add("segmented");
        String scaleHelp = "How many times smaller the measurement is on each side.";
        row = showIf(g, row, isSr, Forms.label("Scale", scaleHelp), scaleBox);

        row = showIf(g, row, isKernel, Forms.label("Kernel", "A blur kernel image: the shipped motion blurs, "
                + "or your own (a grey PNG or a text matrix, odd sides up to 63)."), KernelChooser.of(d));

        Slider gain = new Slider(1.05, 4, d.gainProperty().get());
        gain.setId("gain");
        gain.valueProperty().bindBidirectional(d.gainProperty());
        String gainHelp = "Exposure gain g: y = clip(g \u00b7 blur(x)) on [0, 1]; bright parts above 1/g clip to "
                + "white, and the clip gives no gradient there.";
        gain.setTooltip(Forms.tip(gainHelp));
        row = showIf(g, row, isSaturate, Forms.label("Gain", gainHelp),
                grow(gain, value(Bindings.format(Locale.ROOT, "%.2f", d.gainProperty()))));

        Slider noise = new Slider(0, 0.3, d.noiseSigmaProperty().get());
        noise.setId("noise-sigma");
        noise.valueProperty().bindBidirectional(d.noiseSigmaProperty());
        String noiseHelp = "Standard deviation of the noise on y (images span \u22121 to 1). In simulate mode "
                + "it is the noise added to make y; in both modes it is the scale of the residual ratio "
                + "(the RMS of y \u2212 A(x\u0302) divided by \u03c3\u1d67: about 1 when the result explains y "
                + "to its noise level) and of the residual map. The sampler itself does not use it: its "
                + "likelihood is the plain squared distance to y, as in the paper.";
        noise.setTooltip(Forms.tip(noiseHelp));
        Label noiseValue = value(Bindings.format(Locale.ROOT, "%.3f", d.noiseSigmaProperty()));
        g.addRow(row, Forms.label("Noise \u03c3\u1d67", noiseHelp), grow(noise, noiseValue));

        PixelView in = new PixelView();
        in.setId("input-preview");
        in.captionProperty().set("input");
        in.imageProperty().bind(Bindings.createObjectBinding(
                () -> vm.preview().inputProperty().get() == null ? null : FxImages.of(vm.preview().inputProperty().get()), vm.preview().inputProperty()));
        PixelView y = new PixelView();
        y.setId("measurement-preview");
        y.captionProperty().set("y");
        y.imageProperty().bind(Bindings.createObjectBinding(() -> vm.preview().measurementProperty().get() == null ? null
                : FxImages.of(vm.preview().measurementProperty().get()), vm.preview().measurementProperty()));
        for (PixelView p : new PixelView[] {in, y}) {
            p.setPrefSize(132, 132);
            HBox.setHgrow(p, Priority.ALWAYS);
        }
        HBox previews = new HBox(8, in, y);
        previews.getStyleClass().add("preview-pair");
        Label problem = new Label();
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.textProperty().bind(Bindings.createStringBinding(() -> {
            String e = d.error().get();
            return e != null ? e : vm.preview().errorProperty().get();
        }, d.error(), vm.preview().errorProperty()));
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        MaskPane mask = new MaskPane(vm.maskEditor(), vm.preview());
        mask.visibleProperty().bind(isInpaint);
        mask.managedProperty().bind(isInpaint);
        getChildren().addAll(g, mask, previews, problem);
    }

    private static int showIf(GridPane g, int row, BooleanBinding when, javafx.scene.Node label, javafx.scene.Node field) {
        for (javafx.scene.Node n : new javafx.scene.Node[] {label, field}) {
            n.visibleProperty().bind(when);
            n.managedProperty().bind(when);
        }
        g.addRow(row, label, field);
        return row + 1;
    }

    private static HBox grow(Slider slider, Label value) {
        HBox box = new HBox(6, slider, value);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(slider, Priority.ALWAYS);
        return box;
    }

    private static Label value(javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.getStyleClass().add("value-label");
        l.setMinWidth(52);
        l.textProperty().bind(text);
        return l;
    }
}
