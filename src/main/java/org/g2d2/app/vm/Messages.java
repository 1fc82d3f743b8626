package org.g2d2.app.vm;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What the window tells the user outside a run: errors (a dialog) and passing notices (the status bar). */
public final class Messages {

    private final ObjectProperty<ErrorReport> error = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty();

    /** An error outside a run (open, save); the view shows it in a dialog. */
    public ObjectProperty<ErrorReport> errorProperty() {
        return error;
    }

    /** A passing message for the status bar (saved files, device fallback). */
    public StringProperty noticeProperty() {
        return notice;
    }

    void error(String title, Throwable cause) {
        error.set(ErrorReport.of(title, cause));
    }
}
