package org.g2d2.app.view;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import org.g2d2.app.files.Assets;

/** Light or dark: the shared stylesheet plus one that sets the palette. */
public final class Theme {

    private final StringProperty name = new SimpleStringProperty("light");

    public StringProperty nameProperty() {
        return name;
    }

    public void toggle() {
        name.set("dark".equals(name.get()) ? "light" : "dark");
    }

    /** Applies the theme to a scene now and whenever it changes. */
    public void attach(Scene scene) {
        apply(scene);
        name.addListener((o, a, b) -> apply(scene));
    }

    private void apply(Scene scene) {
        scene.getStylesheets().clear();
        Assets.url("styles/workbench.css").ifPresent(scene.getStylesheets()::add);
        Assets.url("styles/" + ("dark".equals(name.get()) ? "dark" : "light") + ".css")
                .ifPresent(scene.getStylesheets()::add);
    }
}
