package org.g2d2.core.sampler;

import java.util.ArrayList;
import java.util.List;

/**
 * Passes frames on to another listener and keeps what a run bundle stores of each step: the
 * tokens z_s and, when asked to, the state to branch from.
 */
public final class StepRecorder implements SamplerListener {

    private final SamplerListener next;
    private final boolean keepStates;
    private final List<int[]> tokens = new ArrayList<>();
    private final List<SamplerState> states = new ArrayList<>();

    public StepRecorder(SamplerListener next, boolean keepStates) {
        this.next = next;
        this.keepStates = keepStates;
    }

    @Override
    public void onFrame(Frame frame) {
        tokens.add(frame.state());
        if (frame.resumable() != null) {
            states.add(frame.resumable());
        }
        next.onFrame(frame);
    }

    @Override
    public boolean wantsPreviews() {
        return next.wantsPreviews();
    }

    @Override
    public boolean wantsStates() {
        return keepStates || next.wantsStates();
    }

    /** z_s of each step seen, oldest first. */
    public List<int[]> tokens() {
        return List.copyOf(tokens);
    }

    /** The states seen (empty unless kept). */
    public List<SamplerState> states() {
        return List.copyOf(states);
    }
}
