package org.g2d2.app.view;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import java.util.Locale;
import org.g2d2.app.vm.GalleryItem;
import org.g2d2.app.vm.SizeModel;
import org.g2d2.app.vm.WorkbenchModel;

/** Open, paste, and the pack's gallery of sample images. */
final class InputPane extends VBox {

    InputPane(WorkbenchModel vm, Runnable open, Runnable paste) {
        super(8);
        Button openButton = new Button("Open\u2026", Icons.of(Icons.OPEN));
        openButton.setOnAction(e -> open.run());
        openButton.setTooltip(Forms.tip("Open an image file (Ctrl+O); you can also drop one on the window."));
        Button pasteButton = new Button("Paste", Icons.of(Icons.PASTE));
        pasteButton.setOnAction(e -> paste.run());
        pasteButton.setTooltip(Forms.tip("Use the image on the clipboard (Ctrl+V)."));
        HBox buttons = new HBox(6, openButton, pasteButton);

        Label name = new Label();
        name.setId("input-name");
        name.getStyleClass().add("muted");
        name.textProperty().bind(Bindings.createStringBinding(() -> vm.preview().sourceProperty().get() == null
                ? "No image yet: open, paste, drop, or pick a sample." : "Input: " + vm.preview().sourceProperty().get().name() + " (" + vm.preview().sourceProperty().get().sizeText()
                + ")",
                vm.preview().sourceProperty()));
        name.setWrapText(true);

        FlowPane gallery = new FlowPane(6, 6);
        gallery.setId("gallery");
        gallery.getStyleClass().add("gallery");
        vm.session().gallery().addListener((ListChangeListener<GalleryItem>) c -> fill(gallery, vm));
        fill(gallery, vm);
        Label galleryLabel = new Label("Samples from the pack");
        galleryLabel.getStyleClass().add("section-label");
        getChildren().addAll(buttons, name, limitRow(vm.sizes()), galleryLabel, gallery);
    }

    /** The limit on restored pixels: typed, applied on Enter or when the field loses focus. */
    private static HBox limitRow(SizeModel sizes) {
        TextField field = new TextField();
        field.setId("max-pixels");
        field.setPrefColumnCount(8);
        Runnable show = () -> field.setText(String.format(Locale.ROOT, "%d", sizes.maxPixelsProperty().get()));
        show.run();
        sizes.maxPixelsProperty().addListener(o -> show.run());
        Runnable apply = () -> {
            if (!sizes.setMaxPixels(field.getText())) {
                show.run();
            }
        };
        field.setOnAction(e -> apply.run());
        field.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                apply.run();
            }
        });
        Label label = Forms.label("Pixel limit", "Images whose restored size has more pixels than this are not run "
                + "until they are fitted. Time grows with the pixel count; the default, 256\u00d7256, runs in about "
                + "a minute on 2 CPU cores with the interactive preset.");
        HBox row = new HBox(8, label, field);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static void fill(FlowPane gallery, WorkbenchModel vm) {
        gallery.getChildren().clear();
        int i = 0;
        for (GalleryItem item : vm.session().gallery()) {
            ImageView view = new ImageView(FxImages.of(item.image()));
            view.setSmooth(false);
            view.setFitWidth(40);
            view.setFitHeight(40);
            view.setPreserveRatio(true);
            Button b = new Button(null, view);
            b.setId("sample-" + i++);
            b.getStyleClass().add("gallery-item");
            b.setTooltip(new Tooltip(item.name()));
            b.setOnAction(e -> vm.preview().useSample(item));
            gallery.getChildren().add(b);
        }
    }
}
