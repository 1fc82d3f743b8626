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
            for (Throwable t = ex; t != null; t = t.getCause()) {
                if (t instanceof ai.djl.engine.EngineException) {
                    // a library folder that does not load is a set-up problem, not a bug: say where to look
                    commandLine.getErr().println("error: the PyTorch engine did not load ("
                            + org.g2d2.core.EngineProbe.describe(t) + "); `g2d2 engine` says why; `g2d2 engine "
                            + "reset` (or unsetting PYTORCH_LIBRARY_PATH) returns to the bundled CPU library");
                    return 1;
                }
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
