package org.g2d2.app.view;

import java.io.File;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.g2d2.app.vm.MaskEditorModel;
import org.g2d2.app.vm.PreviewModel;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.operator.MaskSpec;

/**
 * The inpainting mask editor: the input with the missing pixels shown in red, painted with the
 * mouse (drag to paint, with "Erase" on to give pixels back), brush size, clear, invert, undo,
 * load a mask image, or simulate a box, random pixels or scribbles.
 */
final class MaskPane extends VBox {

    /** Side of the painting canvas in screen pixels. */
    static final double SIDE = 224;
    private static final Color MISSING = Color.rgb(231, 76, 60, 0.65);

    private final MaskEditorModel editor;
    private final PreviewModel preview;
    private final Canvas canvas = new Canvas(SIDE, SIDE);
    private final Label message = new Label();
    private long simulations;

    MaskPane(MaskEditorModel editor, PreviewModel preview) {
        super(6);
        this.editor = editor;
        this.preview = preview;
        canvas.setId("mask-canvas");
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            editor.beginStroke();
            paintAt(e);
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::paintAt);
        editor.missingProperty().addListener(o -> draw());
        preview.inputProperty().addListener(o -> draw());

        Slider brush = new Slider(1, MaskEditorModel.MAX_BRUSH, editor.brushRadiusProperty().get());
        brush.setId("mask-brush");
        brush.setMajorTickUnit(1);
        brush.setSnapToTicks(true);
        brush.valueProperty().addListener((o, a, b) -> editor.brushRadiusProperty().set(b.intValue()));
        brush.setTooltip(Forms.tip("Brush radius in image pixels."));
        Label brushValue = new Label();
        brushValue.textProperty().bind(Bindings.format(Locale.ROOT, "%d px", editor.brushRadiusProperty()));
        HBox brushRow = new HBox(6, new Label("Brush"), brush, brushValue);
        brushRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        ToggleButton erase = new ToggleButton("Erase");
        erase.setId("mask-erase");
        erase.selectedProperty().bindBidirectional(editor.eraseProperty());
        erase.setTooltip(Forms.tip("Paint pixels back as known."));
        Button clear = button("Clear", "mask-clear", "Mark every pixel known again.", editor::clear);
        Button invert = button("Invert", "mask-invert", "Swap missing and known pixels.", editor::invert);
        Button undo = button("Undo", "mask-undo", "Undo the last stroke or change.", editor::undo);
        Button load = button("Load\u2026", "mask-load", "A mask image of the input's size: white = known, "
                + "black = missing.", this::load);
        FlowPane tools = new FlowPane(6, 6, erase, clear, invert, undo, load);

        Button box = button("Box", "mask-sim-box", "A 12-pixel square hole at a random place.",
                () -> simulate(MaskSpec.Source.BOX, 12));
        Button random = button("50% pixels", "mask-sim-random", "Half of the pixels missing at random.",
                () -> simulate(MaskSpec.Source.RANDOM, 0.5));
        Button scribbles = button("Scribbles", "mask-sim-scribbles", "Four random scratches.",
                () -> simulate(MaskSpec.Source.SCRIBBLES, 4));
        FlowPane simulated = new FlowPane(6, 6, new Label("Simulate"), box, random, scribbles);

        Label count = new Label();
        count.setId("mask-count");
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.format(Locale.ROOT, "%d missing pixels", editor.missingCountProperty()));
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        getChildren().addAll(canvas, brushRow, tools, simulated, count, message);
        draw();
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(Forms.tip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private double scale() {
        return Math.max(editor.height(), editor.width()) == 0 ? 1 : SIDE / Math.max(editor.height(), editor.width());
    }

    private void paintAt(MouseEvent e) {
        editor.paint(e.getY() / scale(), e.getX() / scale());
        e.consume();
    }

    private void simulate(MaskSpec.Source source, double amount) {
        try {
            editor.simulate(source, amount, simulations++);
            message.setText("");
        } catch (InvalidInputException e) {
            message.setText(e.getMessage());
        }
    }

    private void load() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load a mask image");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.bmp", "*.gif"));
        File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            try {
                editor.load(f.toPath());
                message.setText("");
            } catch (InvalidInputException e) {
                message.setText(e.getMessage());
            }
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setImageSmoothing(false);
        g.clearRect(0, 0, SIDE, SIDE);
        double s = scale();
        if (preview.inputProperty().get() != null) {
            var img = FxImages.of(preview.inputProperty().get());
            g.drawImage(img, 0, 0, img.getWidth() * s, img.getHeight() * s);
        }
        boolean[] m = editor.missingProperty().get();
        if (m == null) {
            return;
        }
        g.setFill(MISSING);
        int w = editor.width();
        for (int p = 0; p < m.length; p++) {
            if (m[p]) {
                g.fillRect((p % w) * s, (p / w) * s, s, s);
            }
        }
    }
}
