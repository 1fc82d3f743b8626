package org.g2d2.core.io;

import org.g2d2.core.UserDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Sends library log lines (the engine's INFO messages) to a log file instead of the terminal.
 * The previous log is kept as {@code g2d2.log.1}; must run before the first logger is created.
 */
public final class LogSetup {

    private static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";
    private static final long ROTATE_BYTES = 5L << 20;

    private LogSetup() {
    }

    /** @return the log file in use, or null when logging stays on the terminal */
    public static Path toFile() {
        if (System.getProperty(LOG_FILE) != null) {
            return null;
        }
        Path log = UserDirs.logFile();
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log) && Files.size(log) > ROTATE_BYTES) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            System.setProperty(LOG_FILE, log.toString());
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            return log;
        } catch (IOException | SecurityException e) {
            System.setProperty(LOG_FILE, "System.err");
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            return null;
        }
    }
}
