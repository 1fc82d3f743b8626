package org.g2d2.app.vm;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.g2d2.core.sampler.Frame;
import org.g2d2.core.sampler.SamplerState;

/**
 * The branches of the last run. "Branch from here" arms a branch at the step the timeline shows;
 * the next Run then runs the remaining steps from that step's state with the form's settings
 * (N stays: the time grid depends on it), and the finished branch joins the list. The compare
 * view shows any two branches side by side.
 */
public final class BranchModel {

    /** Where an armed branch starts: after step {@code k} of branch {@code parent}. */
    public record BranchPoint(int parent, int k, SamplerState state, List<Frame> prefix) {
    }

    private final RunModel run;
    private final ObservableList<RunBranch> branches = FXCollections.observableArrayList();
    private final ObjectProperty<RunBranch> left = new SimpleObjectProperty<>();
    private final ObjectProperty<RunBranch> right = new SimpleObjectProperty<>();
    private final ObjectProperty<RunBranch> timeline = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<BranchPoint> armed = new ReadOnlyObjectWrapper<>();
    private final StringBinding blocker;
    private final StringBinding status;
    /** The branch the run model's timeline shows. */
    private int shown = -1;
    private BranchPoint running;
    private boolean replaying;

    BranchModel(RunModel run) {
        this.run = run;
        blocker = Bindings.createStringBinding(this::whyNot, run.stateProperty(), run.shownFrameProperty(), branches);
        status = Bindings.createStringBinding(() -> {
            BranchPoint p = armed.get();
            if (p == null) {
                return "";
            }
            return "Branching after step " + p.k() + " of " + branches.get(p.parent()).name()
                    + ": change the sampler settings (the step count stays " + p.state().steps() + "), then Run.";
        }, armed, branches);
        run.stateProperty().addListener((o, a, st) -> onState(st));
        timeline.addListener((o, a, b) -> replay(b));
    }

    /** The branch the timeline (and the live view) shows; picking another replays its frames. */
    public ObjectProperty<RunBranch> timelineProperty() {
        return timeline;
    }

    private void replay(RunBranch b) {
        if (b == null || b.index() == shown || replaying) {
            return;
        }
        replaying = true;
        try {
            if (run.showFinished(b.result(), b.frames())) {
                shown = b.index();
                armed.set(null);
            } else {
                timeline.set(shown >= 0 && shown < branches.size() ? branches.get(shown) : null);
            }
        } finally {
            replaying = false;
        }
    }

    /** The original first, then each branch as it finished. */
    public ObservableList<RunBranch> branches() {
        return branches;
    }

    /** The branch on the compare view's left. */
    public ObjectProperty<RunBranch> leftProperty() {
        return left;
    }

    /** The branch on the compare view's right. */
    public ObjectProperty<RunBranch> rightProperty() {
        return right;
    }

    /** The branch the next Run starts, or null. */
    public ReadOnlyObjectProperty<BranchPoint> armedProperty() {
        return armed.getReadOnlyProperty();
    }

    /** Why "Branch from here" is disabled, or null when it is not. */
    public StringBinding blockerProperty() {
        return blocker;
    }

    /** A line saying what the next Run will do while a branch is armed; empty otherwise. */
    public StringBinding statusProperty() {
        return status;
    }

    /** Arms a branch at the frame the timeline shows; false (nothing armed) when {@link #blockerProperty} says why. */
    public boolean branchFromShown() {
        if (blocker.get() != null) {
            return false;
        }
        Frame f = run.shownFrameProperty().get();
        int k = f.index() + 1;
        armed.set(new BranchPoint(shown, k, f.resumable(), List.copyOf(run.frames().subList(0, k))));
        return true;
    }

    /** Drops the armed branch: the next Run is a new run again. */
    public void disarm() {
        armed.set(null);
    }

    /** Called as an armed branch starts: it is running now, no longer armed. */
    BranchPoint takeArmed() {
        BranchPoint p = armed.get();
        running = p;
        armed.set(null);
        return p;
    }

    private void onState(RunState state) {
        if (replaying) {
            return;
        }
        if (state == RunState.RUNNING) {
            if (running == null) {
                branches.clear();           // a new run starts a new family of branches
            }
            shown = -1;                     // the timeline shows the run under way, no finished branch
            timeline.set(null);
            return;
        }
        if (state == RunState.SUCCEEDED) {
            RunResult r = run.resultProperty().get();
            BranchPoint from = running;
            RunBranch b = from == null
                    ? new RunBranch(0, -1, 0, r, run.frames())
                    : new RunBranch(branches.size(), from.parent(), from.k(), r, run.frames());
            if (from == null) {
                branches.setAll(b);
                left.set(b);
            } else {
                branches.add(b);
                left.set(branches.get(from.parent()));
            }
            right.set(b);
            shown = b.index();
            timeline.set(b);
        }
        if (!state.busy()) {
            running = null;
        }
    }

    private String whyNot() {
        RunState state = run.stateProperty().get();
        Frame f = run.shownFrameProperty().get();
        if (state != RunState.SUCCEEDED || branches.isEmpty() || shown < 0) {
            return "Branching needs a finished run.";
        }
        if (f == null) {
            return "Pick a step on the timeline to branch from.";
        }
        if (f.index() + 1 >= f.steps()) {
            return "After the last step nothing is left to run; pick an earlier step.";
        }
        if (f.resumable() == null) {
            return "This run kept no sampler states (too large to keep them), so it cannot be branched.";
        }
        return null;
    }
}
