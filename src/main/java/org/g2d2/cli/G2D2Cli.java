package org.g2d2.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line root: {@code g2d2 <command> ...}. */
@Command(name = "g2d2",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Restore images with a discrete diffusion prior and gradient guidance (G2D2).",
        subcommands = {
            CommandLine.HelpCommand.class,
            RestoreCommand.class,
            EvalCommand.class,
            BenchCommand.class,
            TrainCommand.class,
            ModelsCommand.class,
            SoakCommand.class,
            EngineCommand.class,
            KernelsCommand.class,
        })
public final class G2D2Cli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and returns its exit code (0 ok, 1 failure, 2 bad input). */
    public static int run(String... args) {
        // every command: offline engine, one intra-op thread unless a command says otherwise
        org.g2d2.core.TorchRuntime.configure(0);
        return CliSupport.newCommandLine(new G2D2Cli()).execute(args);
    }

    /** As {@link #run(String...)}, with the console streams given (for tests and embedding). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = CliSupport.newCommandLine(new G2D2Cli());
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
