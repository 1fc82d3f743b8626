package org.g2d2.core;

import java.nio.file.Path;

/** Where the program keeps its own files, after the XDG base directory conventions. */
public final class UserDirs {

    private static final String APP = "g2d2";

    private UserDirs() {
    }

    /** Settings: $XDG_CONFIG_HOME/g2d2 (default ~/.config/g2d2). */
    public static Path config() {
        return base("XDG_CONFIG_HOME", ".config").resolve(APP);
    }

    /** Logs: $XDG_STATE_HOME/g2d2 (default ~/.local/state/g2d2). */
    public static Path state() {
        return base("XDG_STATE_HOME", ".local/state").resolve(APP);
    }

    /** The log file the engine's messages go to. */
    public static Path logFile() {
        return state().resolve("g2d2.log");
    }

    private static Path base(String variable, String fallback) {
        String v = System.getenv(variable);
        if (v != null && !v.isBlank() && Path.of(v).isAbsolute()) {
            return Path.of(v);
        }
        return Path.of(System.getProperty("user.home"), fallback);
    }
}
