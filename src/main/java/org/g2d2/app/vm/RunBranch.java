package org.g2d2.app.vm;

import java.util.ArrayList;
import java.util.List;
import org.g2d2.core.sampler.Frame;
import org.g2d2.core.sampler.SamplerState;

/**
 * A finished run or a branch of one, with its whole timeline.
 *
 * @param index 0 for the original, then 1, 2, … in the order the branches finished
 * @param parent the branch it was taken from, −1 for the original
 * @param fromStep k, the steps it shares with its parent (0 for the original)
 * @param frames every frame of its timeline, the shared ones first
 */
public record RunBranch(int index, int parent, int fromStep, RunResult result, List<Frame> frames) {

    public RunBranch {
        frames = List.copyOf(frames);
    }

    /** "original", or "branch 2 (step 3 of branch 1)". */
    public String name() {
        if (parent < 0) {
            return "original";
        }
        return "branch " + index + " (step " + fromStep + " of " + (parent == 0 ? "original" : "branch " + parent) + ")";
    }

    /** z_s of each step this branch ran itself. */
    public List<int[]> ownStepTokens() {
        List<int[]> out = new ArrayList<>();
        for (Frame f : frames.subList(fromStep, frames.size())) {
            out.add(f.state());
        }
        return out;
    }

    /** The states after the steps this branch ran itself (empty when the run kept none). */
    public List<SamplerState> ownStates() {
        List<SamplerState> out = new ArrayList<>();
        for (Frame f : frames.subList(fromStep, frames.size())) {
            if (f.resumable() != null) {
                out.add(f.resumable());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name();
    }
}
