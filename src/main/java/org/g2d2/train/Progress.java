package org.g2d2.train;

import java.io.PrintStream;
import java.util.Locale;
import org.g2d2.core.Durations;

/**
 * A console progress bar with loss and ETA. On a terminal it redraws one line; in a log file it
 * prints a line every {@code intervalSeconds}.
 */
final class Progress {

    private final String label;
    private final long total;
    private final long startStep;
    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private final long startNanos = System.nanoTime();
    private long lastPrint;
    private final double intervalSeconds;

    Progress(String label, long startStep, long total, PrintStream out, double intervalSeconds) {
        this.label = label;
        this.startStep = startStep;
        this.total = total;
        this.out = out;
        this.intervalSeconds = intervalSeconds;
    }

    void update(long step, String metrics) {
        long now = System.nanoTime();
        boolean last = step >= total;
        if (!last && (now - lastPrint) < (terminal ? 0.25 : intervalSeconds) * 1e9) {
            return;
        }
        lastPrint = now;
        double elapsed = (now - startNanos) / 1e9;
        double rate = (step - startStep) / Math.max(elapsed, 1e-9);
        long eta = rate > 0 ? Math.round((total - step) / rate) : -1;
        int width = 24;
        int filled = (int) (width * step / Math.max(total, 1));
        String bar = "#".repeat(filled) + "-".repeat(width - filled);
        String line = String.format(Locale.ROOT, "%s [%s] %d/%d %s | %.1f it/s | elapsed %s | ETA %s",
                label, bar, step, total, metrics, rate, Durations.of(elapsed), Durations.of(eta));
        if (terminal) {
            out.print("\r" + line + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }
}
