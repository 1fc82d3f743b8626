package org.g2d2.app.vm;

import java.nio.file.Path;
import java.util.Map;
import org.g2d2.app.FxThread;

/** A workbench view model on the toy pack, made on the FX thread with same-thread workers. */
final class ToyModel {

    static final Path TOY = Path.of("models/toy");

    private ToyModel() {
    }

    /** Loads the toy pack and types {@code fields} into the sampler form, as a person would. */
    static WorkbenchModel open(Map<SamplerField, String> fields) throws Exception {
        return FxThread.call(() -> {
            WorkbenchModel m = new WorkbenchModel(Workers.direct());
            m.loadPack(TOY);
            fields.forEach((field, text) -> m.form().text(field).set(text));
            return m;
        });
    }
}
