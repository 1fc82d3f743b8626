package org.g2d2.app.vm;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.io.ImageGrid;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerListener;
import org.g2d2.core.sampler.SamplerSettings;

/**
 * Batch work: restore every image of a folder with the current settings, or sweep one or two
 * sampler settings over a grid on the current image ({@link BatchPlan} decides the jobs). Items
 * run one after another on the tensor thread, each at its own size; an image over the pixel limit
 * is skipped with a note. Each reports its status and outcome; the results make a contact sheet.
 */
public final class BatchModel {

    /** What the batch runs over. */
    public enum Kind { FOLDER, SWEEP }

    /** The side of a contact sheet's tile, in pixels. */
    static final int SHEET_TILE = 128;

    private final Workers workers;
    private final WorkbenchModel workbench;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.SWEEP);
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final ObjectProperty<SamplerField> sweepA = new SimpleObjectProperty<>(SamplerField.KL);
    private final StringProperty valuesA = new SimpleStringProperty("1e-4, 3e-4, 1e-3");
    private final ObjectProperty<SamplerField> sweepB = new SimpleObjectProperty<>(SamplerField.TEMPERATURE);
    private final StringProperty valuesB = new SimpleStringProperty("0.5, 1");
    private final ObservableList<BatchItem> items = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private int columns = 1;
    private AtomicBoolean cancelled = new AtomicBoolean();

    public BatchModel(Workers workers, WorkbenchModel workbench) {
        this.workers = workers;
        this.workbench = workbench;
        workbench.batchRunningProperty().bind(running);
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    public ObjectProperty<SamplerField> sweepAProperty() {
        return sweepA;
    }

    public StringProperty valuesAProperty() {
        return valuesA;
    }

    /** The second swept setting, or null for a one-setting sweep. */
    public ObjectProperty<SamplerField> sweepBProperty() {
        return sweepB;
    }

    public StringProperty valuesBProperty() {
        return valuesB;
    }

    public ObservableList<BatchItem> items() {
        return items;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /** Columns of the contact sheet: the second setting's values in a sweep. */
    public int columns() {
        return columns;
    }

    /** Plans and starts the batch; problems with the plan are reported as an error, nothing runs. */
    public void start() {
        if (running.get() || workbench.runModel().busyProperty().get()) {
            return;
        }
        LoadedPack pack = workbench.session().packProperty().get();
        try {
            if (pack == null) {
                throw new InvalidInputException("no model pack is loaded yet");
            }
            SamplerSettings base = workbench.form().settings();
            OperatorSpec op = workbench.degradation().spec();
            Restorer.Mode mode = workbench.degradation().modeProperty().get();
            double sigma = workbench.degradation().noiseSigmaProperty().get();
            BatchPlan plan = kind.get() == Kind.FOLDER ? BatchPlan.folder(folder.get(), base)
                    : BatchPlan.sweep(workbench.preview().sourceProperty().get(), base, sweepA.get(), valuesA.get(),
                            sweepB.get(), valuesB.get());
            List<BatchPlan.Job> jobs = plan.jobs();
            columns = plan.columns();
            items.setAll(jobs.stream().map(BatchPlan.Job::item).toList());
            cancelled = new AtomicBoolean();
            running.set(true);
            progress.set(0);
            summary.set("0/" + jobs.size() + " done");
            AtomicBoolean myCancel = cancelled;
            long maxPixels = workbench.sizes().maxPixelsProperty().get();
            workers.background().execute(() -> runAll(pack, jobs, op, mode, sigma, maxPixels, myCancel));
        } catch (InvalidInputException e) {
            workbench.messages().errorProperty().set(new ErrorReport("The batch cannot start", e.getMessage(), ""));
        }
    }

    public void cancel() {
        cancelled.set(true);
    }

    private void runAll(LoadedPack pack, List<BatchPlan.Job> jobs, OperatorSpec op, Restorer.Mode mode, double sigma,
                        long maxPixels, AtomicBoolean cancel) {
        int done = 0;
        for (BatchPlan.Job job : jobs) {
            if (cancel.get()) {
                ui(() -> job.item().statusProperty().set("cancelled"));
                continue;
            }
            ui(() -> job.item().statusProperty().set("running"));
            try {
                InputSource src = job.source().read(job.item().label());
                SizeModel.Size size = SizeModel.restoredSize(mode, op, src.image().height(), src.image().width());
                if (size.pixels() > maxPixels) {
                    String note = String.format(java.util.Locale.ROOT, "skipped: %s = %,d pixels is over the limit of %,d",
                            size, size.pixels(), maxPixels);
                    ui(() -> job.item().statusProperty().set(note));
                    finished(++done, jobs.size());
                    continue;
                }
                Image in = PreviewModel.restorerInput(src, mode, op);
                Restorer.Outcome out = pack.restorer().restore(new Restorer.Request(in, mode, op, sigma,
                        job.settings()), SamplerListener.NONE, cancel::get);
                ui(() -> {
                    job.item().outcomeProperty().set(out);
                    job.item().statusProperty().set(OutcomeText.metrics(out));
                });
            } catch (CancellationException e) {
                ui(() -> job.item().statusProperty().set("cancelled"));
            } catch (RuntimeException e) {
                String message = ErrorReport.of("", e).message();
                ui(() -> job.item().statusProperty().set("failed: " + message));
            }
            finished(++done, jobs.size());
        }
        ui(() -> {
            running.set(false);
            if (cancel.get()) {
                summary.set("Cancelled: " + summary.get());
            }
        });
    }

    private void finished(int done, int total) {
        ui(() -> {
            progress.set((double) done / total);
            summary.set(done + "/" + total + " done");
        });
    }

    private void ui(Runnable r) {
        workers.ui().execute(r);
    }

    /** The finished results as one picture: a grid of enlarged results with their labels. */
    public BufferedImage contactSheet() {
        List<ImageGrid.Cell> cells = new ArrayList<>();
        for (BatchItem item : items) {
            Restorer.Outcome o = item.outcomeProperty().get();
            cells.add(new ImageGrid.Cell(o == null ? null : o.restored(), item.label(), item.statusProperty().get()));
        }
        return ImageGrid.render(List.of(), cells, columns, SHEET_TILE, SHEET_TILE);
    }

    /** Saves the contact sheet as PNG; refuses to replace a file unless {@code overwrite}. */
    public SaveStatus saveContactSheet(Path target, boolean overwrite) {
        if (items.isEmpty()) {
            return SaveStatus.NOTHING_TO_SAVE;
        }
        BufferedImage sheet = contactSheet();
        return workbench.saver().save(target, overwrite, () -> ImageFiles.writePng(target, sheet));
    }
}
