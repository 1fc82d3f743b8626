package org.g2d2.app.view;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.g2d2.app.vm.GalleryItem;
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
                ? "No image yet: open, paste, drop, or pick a sample." : "Input: " + vm.preview().sourceProperty().get().name(),
                vm.preview().sourceProperty()));
        name.setWrapText(true);

        FlowPane gallery = new FlowPane(6, 6);
        gallery.setId("gallery");
        gallery.getStyleClass().add("gallery");
        vm.session().gallery().addListener((ListChangeListener<GalleryItem>) c -> fill(gallery, vm));
        fill(gallery, vm);
        Label galleryLabel = new Label("Samples from the pack");
        galleryLabel.getStyleClass().add("section-label");
        getChildren().addAll(buttons, name, galleryLabel, gallery);
    }

    private static void fill(FlowPane gallery, WorkbenchModel vm) {
        gallery.getChildren().clear();
        int i = 0;
        for (GalleryItem item : vm.session().gallery()) {
            ImageView view = new ImageView(FxImages.of(item.thumbnail()));
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
