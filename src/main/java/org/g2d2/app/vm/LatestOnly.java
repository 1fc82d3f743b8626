package org.g2d2.app.vm;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Submits jobs so that at most one waits: a newer job replaces a waiting older one. Dragging a
 * slider then costs one preview per idle moment of the tensor thread, not one per mouse event.
 */
final class LatestOnly {

    private final AtomicReference<Runnable> waiting = new AtomicReference<>();
    private final Executor executor;

    LatestOnly(Executor executor) {
        this.executor = executor;
    }

    void submit(Runnable job) {
        if (waiting.getAndSet(job) == null) {
            executor.execute(() -> {
                Runnable next = waiting.getAndSet(null);
                if (next != null) {
                    next.run();
                }
            });
        }
    }
}
