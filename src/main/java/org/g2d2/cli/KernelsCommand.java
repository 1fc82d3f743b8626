package org.g2d2.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.io.OperatorFiles;
import org.g2d2.core.operator.ConvolutionKernel;
import org.g2d2.core.operator.MotionKernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kernels}: writes the motion-blur kernels that ship under assets/kernels. */
@Command(name = "kernels", mixinStandardHelpOptions = true,
        description = "Write the shipped motion-blur kernels (straight paths at several lengths and angles) as PNGs.")
public final class KernelsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "assets/kernels", paramLabel = "DIR",
            description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        for (double[] m : MotionKernels.SHIPPED) {
            ConvolutionKernel k = MotionKernels.line(m[0], m[1]);
            Path file = out.resolve(k.name());
            ImageFiles.writePng(file, OperatorFiles.kernelImage(k));
            spec.commandLine().getOut().println("wrote " + file + " (" + k.width() + "x" + k.height() + ")");
        }
        return 0;
    }
}
