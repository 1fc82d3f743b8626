package org.g2d2.app.vm;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.g2d2.core.Restorer;

/** One entry of a batch: what it restores, and its status and outcome as they come in. */
public final class BatchItem {

    private final String label;
    private final StringProperty status = new SimpleStringProperty("waiting");
    private final ObjectProperty<Restorer.Outcome> outcome = new SimpleObjectProperty<>();

    public BatchItem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Restorer.Outcome> outcomeProperty() {
        return outcome;
    }
}
