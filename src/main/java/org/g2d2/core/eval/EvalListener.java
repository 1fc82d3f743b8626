package org.g2d2.core.eval;

/** Progress of an evaluation, in units of work (about one decoder pass each). */
@FunctionalInterface
public interface EvalListener {

    EvalListener NONE = (done, total, note) -> { };

    /** @param note what runs now, e.g. "image 3/20 seed 0 g2d2-star" */
    void progress(long done, long total, String note);
}
