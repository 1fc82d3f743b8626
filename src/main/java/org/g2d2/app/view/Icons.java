package org.g2d2.app.view;

import javafx.scene.Node;
import org.kordamp.ikonli.javafx.FontIcon;

/** Material Design icons by name, one place so the names are checked together. */
public final class Icons {

    public static final String OPEN = "mdi2f-folder-open-outline";
    public static final String PASTE = "mdi2c-content-paste";
    public static final String RUN = "mdi2p-play";
    public static final String CANCEL = "mdi2s-stop";
    public static final String SAVE = "mdi2c-content-save-outline";
    public static final String GIF = "mdi2i-image-multiple-outline";
    public static final String BUNDLE = "mdi2f-folder-zip-outline";
    public static final String DICE = "mdi2d-dice-5-outline";
    public static final String COPY = "mdi2c-content-copy";
    public static final String RESET = "mdi2r-restore";
    public static final String THEME = "mdi2t-theme-light-dark";
    public static final String FIT = "mdi2f-fit-to-page-outline";
    public static final String BATCH = "mdi2v-view-grid-outline";
    public static final String FOLDER_IMAGES = "mdi2f-folder-multiple-image";
    public static final String PLAY = "mdi2p-play-circle-outline";
    public static final String PAUSE = "mdi2p-pause";
    public static final String INFO = "mdi2i-information-outline";

    private Icons() {
    }

    public static Node of(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("icon");
        return icon;
    }
}
