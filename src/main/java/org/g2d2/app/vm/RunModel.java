package org.g2d2.app.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.g2d2.core.Durations;
import org.g2d2.core.sampler.Frame;
import org.g2d2.core.sampler.SamplerListener;

/**
 * One restoration at a time: the run/cancel state machine, the frames as they arrive (kept for
 * the timeline), the losses for the chart, progress with elapsed time and ETA, and the result.
 * The work itself is a {@link Task} handed to the background executor.
 */
public final class RunModel {

    /** The work of one run: restore, reporting frames to {@code listener}, stopping when {@code cancelled}. */
    @FunctionalInterface
    public interface Job {
        RunResult run(SamplerListener listener, BooleanSupplier cancelled) throws Exception;
    }

    /**
     * Time per restored pixel per sampler iteration before any run has been timed: a 512×512
     * image with the interactive preset (15 steps × 20 iterations) takes about 5 minutes on one
     * idle core with the Fashion pack.
     */
    static final double DEFAULT_NANOS_PER_UNIT = 3.5;

    private final Workers workers;
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.IDLE);
    private final ObservableList<Frame> frames = FXCollections.observableArrayList();
    private final ObservableList<LossPoint> losses = FXCollections.observableArrayList();
    private final IntegerProperty timelineIndex = new SimpleIntegerProperty(-1);
    private final ObjectBinding<Frame> shownFrame;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("Ready");
    private final ObjectProperty<RunResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<RunSpec> spec = new SimpleObjectProperty<>();
    private final ObjectProperty<ErrorReport> error = new SimpleObjectProperty<>();
    private final BooleanBinding busy;
    private AtomicBoolean cancelFlag = new AtomicBoolean();
    private Task<RunResult> task;
    private FrameRelay relay;
    private long maxHandOverNanos;
    private double nanosPerUnit = DEFAULT_NANOS_PER_UNIT;
    private int prefixLength;
    private volatile java.util.function.Consumer<Frame> samplerHook = f -> { };

    public RunModel(Workers workers) {
        this.workers = workers;
        busy = Bindings.createBooleanBinding(() -> state.get().busy(), state);
        shownFrame = Bindings.createObjectBinding(() -> {
            int i = timelineIndex.get();
            return i >= 0 && i < frames.size() ? frames.get(i) : null;
        }, timelineIndex, frames);
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RunState state() {
        return state.get();
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    public ObservableList<Frame> frames() {
        return frames;
    }

    public ObservableList<LossPoint> losses() {
        return losses;
    }

    /** The frame the timeline points at; it follows the newest frame while running. */
    public IntegerProperty timelineIndexProperty() {
        return timelineIndex;
    }

    public ObjectBinding<Frame> shownFrameProperty() {
        return shownFrame;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public ObjectProperty<RunResult> resultProperty() {
        return result;
    }

    /** What the last started run was started with. */
    public ObjectProperty<RunSpec> specProperty() {
        return spec;
    }

    /** A failed run's error; the view shows it in a dialog. */
    public ObjectProperty<ErrorReport> errorProperty() {
        return error;
    }

    /**
     * Something to call on the sampler thread after each frame is handed over (the screenshot
     * script pauses a run there); the default does nothing.
     */
    public void setSamplerHook(java.util.function.Consumer<Frame> hook) {
        samplerHook = hook;
    }

    /** Starts a run made with {@code runSpec}; refused (false) while one is busy. Call on the UI thread. */
    public boolean start(RunSpec runSpec, Job job) {
        return start(runSpec, List.of(), false, job);
    }

    /**
     * Starts a run whose timeline begins with {@code prefix} (a branch: the frames it shares with
     * the run it was taken from); with {@code keepStates} its frames carry the state to branch from.
     */
    public boolean start(RunSpec runSpec, List<Frame> prefix, boolean keepStates, Job job) {
        if (busy.get()) {
            return false;
        }
        spec.set(runSpec);
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelFlag = cancelled;
        FrameRelay myRelay = new FrameRelay(workers.ui(), batch -> accept(batch, cancelled));
        relay = myRelay;
        prefixLength = prefix.size();
        frames.setAll(prefix);
        losses.setAll(lossPoints(prefix));
        timelineIndex.set(prefix.size() - 1);
        result.set(null);
        error.set(null);
        progress.set(-1);
        progressText.set(describeStart(runSpec, nanosPerUnit));
        maxHandOverNanos = 0;
        state.set(RunState.RUNNING);
        Task<RunResult> t = new Task<>() {
            @Override
            protected RunResult call() throws Exception {
                SamplerListener listener = new SamplerListener() {
                    @Override
                    public void onFrame(Frame frame) {
                        myRelay.onFrame(frame);
                        samplerHook.accept(frame);
                    }

                    @Override
                    public boolean wantsStates() {
                        return keepStates;
                    }
                };
                return job.run(listener, cancelled::get);
            }
        };
        task = t;
        t.setOnSucceeded(e -> finish(t, myRelay, RunState.SUCCEEDED, null));
        t.setOnFailed(e -> finish(t, myRelay, ErrorReport.isCancellation(t.getException())
                ? RunState.CANCELLED : RunState.FAILED, t.getException()));
        t.setOnCancelled(e -> finish(t, myRelay, RunState.CANCELLED, null));
        workers.background().execute(t);
        return true;
    }

    /**
     * Shows a finished run's timeline and result again without running it (a branch picked for
     * the timeline); refused (false) while a run is busy.
     */
    public boolean showFinished(RunResult finished, List<Frame> timeline) {
        if (busy.get()) {
            return false;
        }
        cancelFlag = new AtomicBoolean();               // any late hand-over belongs to an older run
        spec.set(finished.spec());
        frames.setAll(timeline);
        losses.setAll(lossPoints(timeline));
        timelineIndex.set(timeline.size() - 1);
        error.set(null);
        result.set(finished);
        progress.set(1);
        progressText.set("Showing a finished run: " + finished.spec().settings().summary());
        state.set(RunState.SUCCEEDED);
        return true;
    }

    /** Asks the running sampler to stop; it does within one iteration. */
    public void cancel() {
        if (state.get() == RunState.RUNNING) {
            cancelFlag.set(true);
            state.set(RunState.CANCELLING);
            progressText.set("Cancelling\u2026");
        }
    }

    /** The longest time one frame hand-over (with every listener it triggers) held the UI thread, in ms. */
    public double maxHandOverMillis() {
        return maxHandOverNanos / 1e6;
    }

    private void accept(List<Frame> batch, AtomicBoolean owner) {
        if (owner != cancelFlag) {
            return; // a late hand-over from a run that has been replaced
        }
        long begin = System.nanoTime();
        try {
            show(batch);
        } finally {
            maxHandOverNanos = Math.max(maxHandOverNanos, System.nanoTime() - begin);
        }
    }

    private void show(List<Frame> batch) {
        boolean following = timelineIndex.get() == frames.size() - 1;
        frames.addAll(batch);
        losses.addAll(lossPoints(batch));
        if (following) {
            timelineIndex.set(frames.size() - 1);
        }
        Frame last = batch.get(batch.size() - 1);
        if (state.get() == RunState.RUNNING) {
            progress.set(last.progress());
            progressText.set(describeProgress(last, prefixLength));
        }
    }

    private static List<LossPoint> lossPoints(List<Frame> batch) {
        List<LossPoint> points = new ArrayList<>();
        for (Frame f : batch) {
            int base = f.index() * f.likelihoodLosses().length;
            for (int i = 0; i < f.likelihoodLosses().length; i++) {
                points.add(new LossPoint(base + i, f.likelihoodLosses()[i], f.klLosses()[i]));
            }
        }
        return points;
    }

    private void finish(Task<RunResult> t, FrameRelay r, RunState end, Throwable failure) {
        if (t != task) {
            return;
        }
        r.drain();
        switch (end) {
            case SUCCEEDED -> {
                RunResult res = t.getValue();
                result.set(res);
                progress.set(1);
                long total = res.outcome().sampler().timings().total();
                long ms = total / 1_000_000;
                // the next run's first estimate scales this one's time by its size (a branch ran only part)
                if (prefixLength == 0) {
                    nanosPerUnit = (double) total / workUnits(res.spec());
                }
                progressText.set(String.format(Locale.ROOT, "Done: %d steps in %s on %s", frames.size(),
                        Durations.ofMillis(ms), res.device()));
            }
            case CANCELLED -> {
                progress.set(0);
                progressText.set("Cancelled after " + frames.size() + " steps");
            }
            default -> {
                progress.set(0);
                ErrorReport report = ErrorReport.of("The restoration failed", failure);
                progressText.set("Failed: " + report.message());
                error.set(report);
            }
        }
        state.set(end);
    }

    /** Restored pixels × steps × iterations: what a run's time grows with. */
    static double workUnits(RunSpec s) {
        return (double) s.restoredSize().pixels() * s.settings().steps() * s.settings().iterations();
    }

    /** The line shown before the first frame: the size and the time it should take at the last run's pace. */
    static String describeStart(RunSpec s, double nanosPerUnit) {
        if (s == null || s.source() == null || s.source().image() == null) {
            return "Starting\u2026";
        }
        long etaMs = Math.round(workUnits(s) * nanosPerUnit / 1e6);
        return String.format(Locale.ROOT, "Starting %s \u00b7 ETA about %s", s.restoredSize(),
                Durations.ofMillis(etaMs));
    }

    /** Time per restored pixel per iteration of the last finished run (the default before one). */
    public double nanosPerUnit() {
        return nanosPerUnit;
    }

    static String describeProgress(Frame f) {
        return describeProgress(f, 0);
    }

    /** The progress line of a run whose first {@code shared} steps were not run by it (a branch's). */
    static String describeProgress(Frame f, int shared) {
        long elapsedMs = f.elapsedNanos() / 1_000_000;
        int done = f.index() + 1 - shared;
        int left = f.steps() - f.index() - 1;
        long etaMs = done > 0 ? Math.round((double) elapsedMs * left / done) : 0;
        return String.format(Locale.ROOT, "Step %d/%d \u00b7 %s elapsed \u00b7 ETA %s", f.index() + 1, f.steps(),
                Durations.ofMillis(elapsedMs), Durations.ofMillis(etaMs));
    }
}
