package org.g2d2.core;

/**
 * A problem with what the user supplied (a file, a setting, a model pack). Its message is one
 * plain line naming what was found and what is allowed; front ends show it without a stack trace.
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
