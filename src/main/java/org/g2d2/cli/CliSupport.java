package org.g2d2.cli;

import org.g2d2.core.InvalidInputException;
import picocli.CommandLine;

/** Shared command-line plumbing: user errors become one line and exit code 2. */
public final class CliSupport {

    public static final int EXIT_BAD_INPUT = 2;

    private CliSupport() {
    }

    public static CommandLine newCommandLine(Object root) {
        CommandLine cl = new CommandLine(root);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = ex;
            while (cause != null && !(cause instanceof InvalidInputException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                commandLine.getErr().println("error: " + cause.getMessage());
                return EXIT_BAD_INPUT;
            }
            commandLine.getErr().println("error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("try: " + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help");
            return EXIT_BAD_INPUT;
        });
        return cl;
    }
}
