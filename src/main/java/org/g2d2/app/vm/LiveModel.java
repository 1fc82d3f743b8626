package org.g2d2.app.vm;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import org.g2d2.core.Image;
import org.g2d2.core.model.TokenLayout;
import org.g2d2.core.sampler.Frame;

/**
 * What the live view shows of a run (running, or replayed by the timeline): the frame, the y it
 * is compared with, the scale of the residual map, and the frame's counts as a line of text.
 * The residual map is scaled by the σ the shown run used, not by the slider as it is now.
 */
public final class LiveModel {

    /** The residual map saturates at 3σ, but never below this, so a noiseless run still shows contrast. */
    static final double MIN_RESIDUAL_SCALE = 0.05;

    private final RunModel run;
    private final DegradationModel degradation;
    private final ObjectBinding<Image> measurement;
    private final ObjectBinding<TokenLayout> layout;

    LiveModel(RunModel run, PreviewModel preview, DegradationModel degradation, ObjectProperty<LoadedPack> pack) {
        this.run = run;
        this.degradation = degradation;
        layout = Bindings.createObjectBinding(() -> {
            RunResult r = run.resultProperty().get();
            RunSpec s = run.specProperty().get();
            LoadedPack p = pack.get();
            if (r != null) {
                return r.outcome().layout();
            }
            if (s == null || p == null) {
                return null;
            }
            SizeModel.Size size = s.restoredSize();
            return p.restorer().layout(size.height(), size.width());
        }, run.resultProperty(), run.specProperty(), pack);
        measurement = Bindings.createObjectBinding(() -> {
            RunResult r = run.resultProperty().get();
            return r != null ? r.outcome().measurement() : preview.measurementProperty().get();
        }, run.resultProperty(), preview.measurementProperty());
    }

    /** The y the shown run is measured against: the finished run's, else the live preview's. */
    public ObjectBinding<Image> measurementProperty() {
        return measurement;
    }

    /** The token grid and windows of the run shown (finished or in progress), or null before a run. */
    public ObjectBinding<TokenLayout> layoutProperty() {
        return layout;
    }

    /** The value at which the residual map |y − A(x̂)| saturates: 3σ of the run shown. */
    public double residualScale() {
        RunSpec spec = run.specProperty().get();
        double sigma = spec != null ? spec.noiseSigma() : degradation.noiseSigmaProperty().get();
        return Math.max(3 * sigma, MIN_RESIDUAL_SCALE);
    }

    /** "t 900 → 850   masked 12   committed 3 …" for one frame. */
    public static String describe(Frame f) {
        int masked = 0;
        for (int s : f.state()) {
            masked += s == f.maskId() ? 1 : 0;
        }
        return String.format(Locale.ROOT,
                "t %d \u2192 %d   masked %d   committed %d   re-masked %d   changed %d   \u03bb %.2g   lr %.3g",
                f.t(), f.s(), masked, f.committed(), f.remasked(), f.changed(), f.klWeight(), f.learningRate());
    }
}
