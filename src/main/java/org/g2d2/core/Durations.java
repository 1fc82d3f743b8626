package org.g2d2.core;

import java.util.Locale;

/** Elapsed times and ETAs as people read them, the same in the workbench, the commands and training. */
public final class Durations {

    private Durations() {
    }

    /** "3.2 s", "42 s", "1:15 min", "2:03:07 h"; "--" when unknown (NaN or negative). */
    public static String of(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return "--";
        }
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d min", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d h", s / 3600, (s / 60) % 60, s % 60);
    }

    /** The same for milliseconds. */
    public static String ofMillis(long ms) {
        return of(ms / 1000.0);
    }
}
