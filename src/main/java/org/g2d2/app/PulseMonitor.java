package org.g2d2.app;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread went without rendering a pulse: an {@link AnimationTimer}
 * records the largest gap between two pulses while it is started. A gap well above one pulse
 * (about 17 ms) means something blocked the UI thread.
 */
public final class PulseMonitor extends AnimationTimer {

    private static final boolean LOG = Boolean.getBoolean("g2d2.logPauses");
    private long last;
    private long maxGap;

    @Override
    public void handle(long now) {
        if (last != 0) {
            long gap = now - last;
            maxGap = Math.max(maxGap, gap);
            if (LOG && gap > 50_000_000L) {
                System.err.printf(java.util.Locale.ROOT, "g2d2: FX pulse gap %.1f ms%n", gap / 1e6);
            }
        }
        last = now;
    }

    @Override
    public void start() {
        last = 0;
        maxGap = 0;
        super.start();
    }

    /** The largest gap between pulses since {@link #start()}, in milliseconds. */
    public double maxGapMillis() {
        return maxGap / 1e6;
    }
}
