package org.g2d2.app.vm;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where work runs: {@code background} for everything that touches tensors or files (one thread,
 * because the engine keeps a single gradient collector per process, so runs must not overlap),
 * {@code ui} for handing results to the view. Tests pass same-thread executors for both.
 */
public record Workers(Executor background, Executor ui) {

    /** The same-thread pair used by view-model tests. */
    public static Workers direct() {
        return new Workers(Runnable::run, Runnable::run);
    }

    /** One daemon thread for all tensor work, results handed over with {@code ui}. */
    public static Workers serial(Executor ui) {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "g2d2-tensor");
            t.setDaemon(true);
            return t;
        });
        return new Workers(one, ui);
    }
}
