package org.g2d2.app.view;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.g2d2.app.vm.PackSession;
import org.g2d2.app.vm.WorkbenchModel;

/** The model pack in use, as a choice among the installed packs and the folders opened, and a way to open one. */
final class PackChooser extends HBox {

    PackChooser(WorkbenchModel vm) {
        super(6);
        PackSession session = vm.session();
        ComboBox<Path> packs = new ComboBox<>(session.choices());
        packs.setId("pack-chooser");
        packs.setConverter(new StringConverter<>() {
            @Override
            public String toString(Path p) {
                return PackSession.label(p);
            }

            @Override
            public Path fromString(String s) {
                return null;
            }
        });
        packs.valueProperty().bindBidirectional(session.chosenProperty());
        packs.setTooltip(new Tooltip("The model pack: its prior, presets and sample images. "
                + "Switching keeps the input when it is your own image."));
        Button open = new Button(null, Icons.of(Icons.OPEN));
        open.setId("open-pack");
        open.setTooltip(new Tooltip("Open a model pack folder (one holding model.json)"));
        open.setOnAction(e -> openFolder(vm, getScene() == null ? null : getScene().getWindow()));
        // no switch while a run or the pack's own loading uses it
        disableProperty().bind(vm.runModel().busyProperty().or(session.loadingProperty()));
        getChildren().addAll(new Label("Pack"), packs, open);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    static void openFolder(WorkbenchModel vm, javafx.stage.Window owner) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Open model pack folder");
        Path current = vm.session().chosenProperty().get();
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            c.setInitialDirectory(current.getParent().toFile());
        }
        File f = c.showDialog(owner);
        if (f != null) {
            vm.loadPack(f.toPath());
        }
    }
}
