package org.g2d2.app.view;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/** Small helpers shared by the form panes. */
final class Forms {

    private Forms() {
    }

    static GridPane grid() {
        GridPane g = new GridPane();
        g.getStyleClass().add("form-grid");
        g.setHgap(8);
        g.setVgap(6);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(96);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(label, field);
        return g;
    }

    static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(320);
        t.setShowDelay(Duration.millis(350));
        t.setShowDuration(Duration.seconds(20));
        return t;
    }

    static Label label(String text, String help) {
        Label l = new Label(text);
        l.getStyleClass().add("form-label");
        if (help != null) {
            l.setTooltip(tip(help));
        }
        return l;
    }
}
