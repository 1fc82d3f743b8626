package org.g2d2.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.g2d2.core.Durations;

/** A one-line progress bar with elapsed time and ETA, redrawn in place on a terminal. */
final class ConsoleProgress {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private int lastDecile = -1;

    ConsoleProgress(PrintStream out, String label) {
        this.out = out;
        this.label = label;
        this.terminal = System.console() != null;
    }

    /** Shows {@code done} of {@code total} with an extra note (e.g. the current loss). */
    void update(int done, int total, String note) {
        double fraction = total == 0 ? 1 : (double) done / total;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = done == 0 ? Double.NaN : elapsed / done * (total - done);
        int filled = (int) Math.round(fraction * WIDTH);
        String line = String.format(Locale.ROOT, "%s [%s%s] %d/%d  %s elapsed  ETA %s  %s", label,
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, Durations.of(elapsed), Durations.of(eta), note);
        if (terminal) {
            out.print("\r" + line + "   ");
            out.flush();
        } else {
            int decile = (int) (fraction * 10);
            if (decile != lastDecile) {
                lastDecile = decile;
                out.println(line);
            }
        }
    }

    /** Ends the bar's line. */
    void finish() {
        if (terminal) {
            out.println();
        }
    }
}
