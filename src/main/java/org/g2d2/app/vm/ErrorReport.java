package org.g2d2.app.vm;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CancellationException;
import org.g2d2.core.InvalidInputException;

/**
 * An error as the user sees it: a plain one-line message, and details (the stack trace) for a
 * bug report. User errors ({@link InvalidInputException}) carry no stack trace.
 */
public record ErrorReport(String title, String message, String details) {

    public static ErrorReport of(String title, Throwable error) {
        Throwable cause = error;
        while (cause != null && !(cause instanceof InvalidInputException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            return new ErrorReport(title, cause.getMessage(), "");
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return new ErrorReport(title, firstLine(text), trace.toString());
    }

    public boolean hasDetails() {
        return details != null && !details.isBlank();
    }

    static boolean isCancellation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CancellationException || c instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
