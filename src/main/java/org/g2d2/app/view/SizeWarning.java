package org.g2d2.app.view;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.g2d2.app.vm.SizeModel;

/** A bar above the views while the image is over the pixel limit: what the limit is, and a button to fit it. */
final class SizeWarning extends HBox {

    SizeWarning(SizeModel sizes) {
        super(10);
        setId("size-warning");
        getStyleClass().add("size-warning");
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label();
        text.setId("size-warning-text");
        text.setWrapText(true);
        text.textProperty().bind(sizes.overLimitProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button fit = new Button();
        fit.setId("fit-image");
        fit.textProperty().bind(Bindings.createStringBinding(() -> {
            SizeModel.Size s = sizes.overLimitProperty().get() == null ? null : sizes.fitSize();
            return s == null ? "Fit" : "Fit to " + s;
        }, sizes.overLimitProperty()));
        fit.setTooltip(Forms.tip("Resize the image to the largest size within the pixel limit, keeping its aspect "
                + "ratio. The limit is in the Input section."));
        fit.setOnAction(e -> sizes.fit());
        fit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the message wraps; the button keeps its text
        getChildren().addAll(Icons.of(Icons.INFO), text, fit);
        visibleProperty().bind(sizes.overLimitProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
