package org.g2d2.app.view;

import java.io.File;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.g2d2.app.vm.DegradationModel;
import org.g2d2.core.InvalidInputException;

/** The kernel list with a thumbnail of each kernel, and a button for a kernel file of one's own. */
final class KernelChooser {

    private static final double THUMB = 28;

    private KernelChooser() {
    }

    static HBox of(DegradationModel d) {
        ComboBox<DegradationModel.KernelChoice> box = new ComboBox<>(d.kernels());
        box.setId("kernel-list");
        box.setCellFactory(v -> new Cell());
        box.setButtonCell(new Cell());
        box.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                d.kernelProperty().set(b.kernel());
            }
        });
        for (DegradationModel.KernelChoice c : d.kernels()) {
            if (c.kernel().equals(d.kernelProperty().get())) {
                box.getSelectionModel().select(c);
            }
        }
        Button own = new Button("File\u2026");
        own.setId("kernel-file");
        own.setTooltip(Forms.tip("A kernel of your own: a grey PNG or a .txt/.csv matrix, odd sides up to 63."));
        own.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose a blur kernel");
            File f = chooser.showOpenDialog(own.getScene() == null ? null : own.getScene().getWindow());
            if (f != null) {
                try {
                    d.useKernelFile(f.toPath());
                    box.getSelectionModel().clearSelection();
                } catch (InvalidInputException ex) {
                    new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING, ex.getMessage())
                            .show();
                }
            }
        });
        return new HBox(6, box, own);
    }

    /** A kernel's name with its picture, scaled up without smoothing. */
    private static final class Cell extends ListCell<DegradationModel.KernelChoice> {
        @Override
        protected void updateItem(DegradationModel.KernelChoice item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(item.kernel().name().replace(".png", ""));
            ImageView thumb = new ImageView(new javafx.scene.image.Image(item.file().toUri().toString()));
            thumb.setFitWidth(THUMB);
            thumb.setFitHeight(THUMB);
            thumb.setSmooth(false);
            setGraphic(thumb);
        }
    }
}
