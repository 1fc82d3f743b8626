package org.g2d2.app.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.g2d2.core.sampler.Frame;
import org.g2d2.core.sampler.SamplerListener;

/**
 * Hands frames from the sampler thread to the UI thread without flooding it: frames queue up,
 * and at most one hand-over is pending at a time; it takes every frame that arrived since the
 * last one (the timeline keeps them all; the live view shows only the latest).
 */
public final class FrameRelay implements SamplerListener {

    private final ConcurrentLinkedQueue<Frame> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Executor ui;
    private final Consumer<List<Frame>> sink;

    public FrameRelay(Executor ui, Consumer<List<Frame>> sink) {
        this.ui = ui;
        this.sink = sink;
    }

    @Override
    public void onFrame(Frame frame) {
        queue.add(frame);
        if (pending.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    /** Delivers what has arrived; also called once at the end of a run so that no frame is left behind. */
    public void drain() {
        pending.set(false);
        List<Frame> batch = new ArrayList<>();
        for (Frame f = queue.poll(); f != null; f = queue.poll()) {
            batch.add(f);
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
