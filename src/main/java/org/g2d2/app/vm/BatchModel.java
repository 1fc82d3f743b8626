package org.g2d2.app.vm;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.g2d2.app.files.ContactSheet;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerListener;
import org.g2d2.core.sampler.SamplerSettings;

/**
 * Batch work: restore every image of a folder with the current settings, or sweep one or two
 * sampler settings over a grid on the current image. Items run one after another on the tensor
 * thread; each reports its status and outcome; the results make a contact sheet.
 */
public final class BatchModel {

    /** What the batch runs over. */
    public enum Kind { FOLDER, SWEEP }

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

    /** One unit of work: a label, the input and the settings. */
    private record Job(BatchItem item, InputSource source, SamplerSettings settings) {
    }

    /** Plans and starts the batch; problems with the plan are reported as an error, nothing runs. */
    public void start() {
        if (running.get() || workbench.runModel().busyProperty().get()) {
            return;
        }
        LoadedPack pack = workbench.packProperty().get();
        try {
            if (pack == null) {
                throw new InvalidInputException("no model pack is loaded yet");
            }
            SamplerSettings base = workbench.form().settings();
            OperatorSpec op = workbench.degradation().spec();
            Restorer.Mode mode = workbench.degradation().modeProperty().get();
            double sigma = workbench.degradation().noiseSigmaProperty().get();
            List<Job> jobs = kind.get() == Kind.FOLDER ? folderJobs(base, pack) : sweepJobs(base);
            items.setAll(jobs.stream().map(Job::item).toList());
            cancelled = new AtomicBoolean();
            running.set(true);
            progress.set(0);
            summary.set("0/" + jobs.size() + " done");
            AtomicBoolean myCancel = cancelled;
            workers.background().execute(() -> runAll(pack, jobs, op, mode, sigma, myCancel));
        } catch (InvalidInputException e) {
            workbench.errorProperty().set(new ErrorReport("The batch cannot start", e.getMessage(), ""));
        }
    }

    public void cancel() {
        cancelled.set(true);
    }

    private List<Job> folderJobs(SamplerSettings base, LoadedPack pack) {
        Path dir = folder.get();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException("choose a folder of images first");
        }
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                    .matches(".*\\.(png|jpe?g|bmp|gif)$")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new InvalidInputException("folder '" + dir + "' cannot be listed: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("folder '" + dir + "' holds no PNG, JPEG, BMP or GIF images");
        }
        columns = Math.min(6, files.size());
        List<Job> jobs = new ArrayList<>();
        for (Path f : files) {
            // the file is read on the tensor thread, when its turn comes
            jobs.add(new Job(new BatchItem(f.getFileName().toString()), new InputSource(f.toString(), null, null),
                    base));
        }
        return jobs;
    }

    private List<Job> sweepJobs(SamplerSettings base) {
        InputSource src = workbench.sourceProperty().get();
        if (src == null) {
            throw new InvalidInputException("load an image to sweep over first");
        }
        SamplerField a = sweepA.get();
        SamplerField b = sweepB.get();
        List<JsonPrimitive> as = parseValues(a, valuesA.get());
        List<JsonPrimitive> bs = b == null ? List.of() : parseValues(b, valuesB.get());
        if (b == a) {
            throw new InvalidInputException("the two swept settings must differ");
        }
        if (as.size() * Math.max(1, bs.size()) > 64) {
            throw new InvalidInputException("a sweep may have at most 64 runs; this one has "
                    + as.size() * Math.max(1, bs.size()));
        }
        columns = Math.max(1, bs.size());
        List<Job> jobs = new ArrayList<>();
        for (JsonPrimitive va : as) {
            if (bs.isEmpty()) {
                jobs.add(sweepJob(src, base, a, va, null, null));
            }
            for (JsonPrimitive vb : bs) {
                jobs.add(sweepJob(src, base, a, va, b, vb));
            }
        }
        return jobs;
    }

    private static Job sweepJob(InputSource src, SamplerSettings base, SamplerField a, JsonPrimitive va,
                                SamplerField b, JsonPrimitive vb) {
        JsonObject o = new JsonObject();
        o.add(a.key(), va);
        String label = a.key() + "=" + va.getAsString();
        if (b != null) {
            o.add(b.key(), vb);
            label += " " + b.key() + "=" + vb.getAsString();
        }
        return new Job(new BatchItem(label), src, base.overriddenBy(o));
    }

    /** "1e-4, 3e-4; 1e-3" → values, each checked by core's own settings rules. */
    static List<JsonPrimitive> parseValues(SamplerField field, String text) {
        List<JsonPrimitive> out = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            JsonPrimitive v;
            try {
                v = field.whole() ? new JsonPrimitive(Long.parseLong(part)) : new JsonPrimitive(Double.parseDouble(part));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("sweep value '" + part + "' for " + field.key() + " is not "
                        + (field.whole() ? "a whole number" : "a number"));
            }
            JsonObject one = new JsonObject();
            one.add(field.key(), v);
            SamplerSettings.PAPER_BLUR.overriddenBy(one); // throws with core's message when out of range
            out.add(v);
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("give at least one value for " + field.key()
                    + ", separated by commas (e.g. 1e-4, 1e-3)");
        }
        return out;
    }

    private void runAll(LoadedPack pack, List<Job> jobs, OperatorSpec op, Restorer.Mode mode, double sigma,
                        AtomicBoolean cancel) {
        int done = 0;
        for (Job job : jobs) {
            if (cancel.get()) {
                ui(() -> job.item().statusProperty().set("cancelled"));
                continue;
            }
            ui(() -> job.item().statusProperty().set("running"));
            try {
                InputSource src = job.source().picture() == null && job.source().exact() == null
                        ? InputSource.of(job.item().label(), ImageFiles.read(Path.of(job.source().name())))
                        : job.source();
                Image in = WorkbenchModel.fitInput(pack, src, mode, op);
                Restorer.Outcome out = pack.restorer().restore(new Restorer.Request(in, mode, op, sigma,
                        job.settings()), SamplerListener.NONE, cancel::get);
                ui(() -> {
                    job.item().outcomeProperty().set(out);
                    job.item().statusProperty().set(out.hasTruth()
                            ? String.format(Locale.ROOT, "PSNR %.2f dB, SSIM %.3f", out.psnr(), out.ssim())
                            : String.format(Locale.ROOT, "residual %.2f\u00d7\u03c3", out.residualRatio()));
                });
            } catch (CancellationException e) {
                ui(() -> job.item().statusProperty().set("cancelled"));
            } catch (RuntimeException e) {
                String message = ErrorReport.of("", e).message();
                ui(() -> job.item().statusProperty().set("failed: " + message));
            }
            done++;
            int d = done;
            ui(() -> {
                progress.set((double) d / jobs.size());
                summary.set(d + "/" + jobs.size() + " done");
            });
        }
        ui(() -> {
            running.set(false);
            if (cancel.get()) {
                summary.set("Cancelled: " + summary.get());
            }
        });
    }

    private void ui(Runnable r) {
        workers.ui().execute(r);
    }

    /** The finished results as one picture: a grid of enlarged results with their labels. */
    public BufferedImage contactSheet() {
        List<ContactSheet.Cell> cells = new ArrayList<>();
        for (BatchItem item : items) {
            Restorer.Outcome o = item.outcomeProperty().get();
            cells.add(new ContactSheet.Cell(o == null ? null : o.restored(), item.label(), item.statusProperty().get()));
        }
        return ContactSheet.render(cells, columns, 128);
    }

    /** Saves the contact sheet as PNG; refuses to replace a file unless {@code overwrite}. */
    public SaveStatus saveContactSheet(Path target, boolean overwrite) {
        if (items.isEmpty()) {
            return SaveStatus.NOTHING_TO_SAVE;
        }
        if (!overwrite && Files.exists(target)) {
            return SaveStatus.EXISTS;
        }
        BufferedImage sheet = contactSheet();
        workers.background().execute(() -> {
            try {
                ImageFiles.writePng(target, sheet);
                ui(() -> workbench.noticeProperty().set("Saved " + target.getFileName()));
            } catch (java.io.IOException | RuntimeException e) {
                ui(() -> workbench.errorProperty().set(ErrorReport.of("Could not save the contact sheet", e)));
            }
        });
        return SaveStatus.STARTED;
    }
}
