package org.g2d2.app.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way the workbench writes a file: refuse to replace an existing file unless the user
 * confirmed it, write on the tensor thread, then report "Saved …" or the error.
 */
public final class FileSaver {

    /** The writing itself, run on the background thread. */
    @FunctionalInterface
    public interface Job {
        void write() throws IOException;
    }

    private final Workers workers;
    private final Messages messages;

    public FileSaver(Workers workers, Messages messages) {
        this.workers = workers;
        this.messages = messages;
    }

    /** Starts the write, or answers {@link SaveStatus#EXISTS} when the file exists and {@code overwrite} is false. */
    public SaveStatus save(Path target, boolean overwrite, Job job) {
        if (!overwrite && Files.exists(target)) {
            return SaveStatus.EXISTS;
        }
        workers.background().execute(() -> {
            try {
                job.write();
                workers.ui().execute(() -> messages.noticeProperty().set("Saved " + target.getFileName()));
            } catch (IOException | RuntimeException e) {
                workers.ui().execute(() -> messages.error("Could not save " + target.getFileName(), e));
            }
        });
        return SaveStatus.STARTED;
    }
}
