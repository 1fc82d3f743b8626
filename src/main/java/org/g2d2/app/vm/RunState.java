package org.g2d2.app.vm;

/** Where a run is: the run/cancel state machine. */
public enum RunState {
    /** Nothing has run yet. */
    IDLE,
    /** The sampler is working. */
    RUNNING,
    /** Cancel was asked; the sampler stops within one iteration. */
    CANCELLING,
    SUCCEEDED,
    CANCELLED,
    FAILED;

    public boolean busy() {
        return this == RUNNING || this == CANCELLING;
    }
}
