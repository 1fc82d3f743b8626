package org.g2d2.app;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread went without rendering a pulse: an {@link AnimationTimer}
 * records the largest gap between two pulses while it is started, counting from {@link #start()}
 * to the first pulse and from the last pulse to {@link #stop()} too, so that a short run during
 * which no pulse came at all still reports how long the thread went without one. A gap well
 * above one pulse (about 17 ms) means something blocked the UI thread. Pulse times are
 * {@link System#nanoTime()} readings.
 */
public final class PulseMonitor extends AnimationTimer {

    private static final boolean LOG = Boolean.getBoolean("g2d2.logPauses");
    private long last;
    private long maxGap;
    private boolean running;

    @Override
    public void handle(long now) {
        record(now);
    }

    private void record(long now) {
        long gap = now - last;
        maxGap = Math.max(maxGap, gap);
        if (LOG && gap > 50_000_000L) {
            System.err.printf(java.util.Locale.ROOT, "g2d2: FX pulse gap %.1f ms%n", gap / 1e6);
        }
        last = now;
    }

    @Override
    public void start() {
        last = System.nanoTime();
        maxGap = 0;
        running = true;
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        if (running) {
            running = false;
            record(System.nanoTime());
        }
    }

    /** The largest gap between pulses since {@link #start()}, in milliseconds. */
    public double maxGapMillis() {
        return maxGap / 1e6;
    }
}
