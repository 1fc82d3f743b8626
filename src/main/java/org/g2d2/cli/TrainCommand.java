package org.g2d2.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.g2d2.core.model.nn.VqTokenizerConfig;
import org.g2d2.train.LoopSettings;
import org.g2d2.train.TokenizerTraining;
import org.g2d2.train.data.FashionMnist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train tokenizer|prior|classifier}: trains one model of the Fashion-MNIST pack, resumably. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model of the pack on Fashion-MNIST (resumes from --out's checkpoint).",
        subcommands = {TrainCommand.Tokenizer.class, TrainCommand.Classifier.class, TrainCommand.Prior.class,
            TrainCommand.Pack.class, TrainCommand.BenchTokenizer.class, TrainTextCommands.Tokenizer.class,
            TrainTextCommands.Check.class, TrainTextCommands.Prior.class, TrainTextCommands.Pack.class,
            TrainEmojiCommands.Tokenizer.class, TrainEmojiCommands.Check.class, TrainEmojiCommands.Prior.class,
            TrainEmojiCommands.Pack.class, TrainTextCommands.Samples.class, TrainEmojiCommands.Gallery.class,
            TrainEmojiCommands.Samples.class})
public final class TrainCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Options every model's training shares. */
    static class Common {
        @Option(names = "--data", required = true, description = "folder with the four Fashion-MNIST .gz files")
        Path data;
        @Option(names = "--out", required = true, description = "output folder (checkpoint, weights)")
        Path out;
        @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--checkpoint-seconds", defaultValue = "180", description = "checkpoint interval")
        double checkpointSeconds;
        @Option(names = "--limit", defaultValue = "0", description = "use only the first N training images (tests)")
        int limit;
        @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default ${DEFAULT-VALUE})")
        String device;

        /** The manager the training's arrays live under, on the chosen device. */
        NDManager manager() {
            return NDManager.newBaseManager(org.g2d2.core.TorchRuntime.device(device));
        }

        FashionMnist trainSplit() {
            FashionMnist all = FashionMnist.load(data, "train");
            return limit > 0 ? all.head(limit) : all;
        }
    }

    /** The tokenizer's network shape (codebook, embedding size, channels per resolution). */
    static final class TokenizerShape {
        @Option(names = "--codes", defaultValue = "512", description = "codebook size K")
        int codes;
        @Option(names = "--dim", defaultValue = "32", description = "code embedding size d")
        int dim;
        @Option(names = "--full", defaultValue = "16", description = "channels at full resolution")
        int full;
        @Option(names = "--half", defaultValue = "32", description = "channels at half resolution")
        int half;
        @Option(names = "--quarter", defaultValue = "64", description = "channels at quarter resolution")
        int quarter;
        @Option(names = "--res-blocks", defaultValue = "1", description = "residual blocks")
        int resBlocks;

        VqTokenizerConfig config() {
            return new VqTokenizerConfig(FashionMnist.SIZE, 1, full, half, quarter, resBlocks, codes, dim);
        }
    }

    @Command(name = "tokenizer", mixinStandardHelpOptions = true, description = "Train the VQ tokenizer.")
    static final class Tokenizer implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Common common = new Common();
        @Option(names = "--steps", defaultValue = "6000")
        long steps;
        @Option(names = "--batch", defaultValue = "64")
        int batch;
        @Option(names = "--lr", defaultValue = "2e-3")
        double lr;
        @picocli.CommandLine.Mixin
        TokenizerShape shape = new TokenizerShape();

        @Override
        public Integer call() {
            VqTokenizerConfig cfg = shape.config();
            TokenizerTraining.Settings s = new TokenizerTraining.Settings(cfg, batch, 0.25, 0.99, 0.03);
            LoopSettings loop = new LoopSettings(steps, lr, Math.min(200, steps / 10), 0, 0,
                    common.checkpointSeconds, common.seed);
            FashionMnist data = common.trainSplit();
            try (NDManager m = common.manager()) {
                TokenizerTraining.train(s, loop, data, common.out, m, System.out);
            }
            return 0;
        }
    }

    @Command(name = "bench-tokenizer", description = "Time the tokenizer networks at a given size.")
    static final class BenchTokenizer implements Runnable {
        @picocli.CommandLine.Mixin
        TokenizerShape shape = new TokenizerShape();
        @Option(names = "--batch", defaultValue = "64")
        int batch;

        @Override
        public void run() {
            org.g2d2.train.Bench.tokenizer(shape.config(), batch, System.out);
        }
    }

    @Command(name = "classifier", mixinStandardHelpOptions = true, description = "Train the evaluation classifier.")
    static final class Classifier implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Common common = new Common();
        @Option(names = "--steps", defaultValue = "2000")
        long steps;
        @Option(names = "--batch", defaultValue = "128")
        int batch;
        @Option(names = "--lr", defaultValue = "2e-3")
        double lr;

        @Override
        public Integer call() {
            LoopSettings loop = new LoopSettings(steps, lr, Math.min(100, steps / 10), 1e-4, 0,
                    common.checkpointSeconds, common.seed);
            FashionMnist data = common.trainSplit();
            try (NDManager m = common.manager()) {
                org.g2d2.train.ClassifierTraining.train(batch, loop, data, common.out, m, System.out);
            }
            return 0;
        }
    }

    @Command(name = "prior", mixinStandardHelpOptions = true,
            description = "Train the transformer prior on the tokens of a trained tokenizer.")
    static final class Prior implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Common common = new Common();
        @Option(names = "--tokenizer", required = true, description = "the tokenizer's training folder")
        Path tokenizer;
        @Option(names = "--steps", defaultValue = "6000")
        long steps;
        @Option(names = "--batch", defaultValue = "64")
        int batch;
        @Option(names = "--lr", defaultValue = "1e-3")
        double lr;
        @Option(names = "--dim", defaultValue = "128")
        int dim;
        @Option(names = "--layers", defaultValue = "4")
        int layers;
        @Option(names = "--heads", defaultValue = "4")
        int heads;
        @Option(names = "--schedule", defaultValue = "cosine", description = "mask schedule: linear or cosine")
        String schedule;

        @Override
        public Integer call() {
            org.g2d2.core.schedule.MaskSchedule sched = org.g2d2.core.schedule.MaskSchedule.of(schedule, 100);
            FashionMnist data = common.trainSplit();
            try (NDManager m = common.manager()) {
                org.g2d2.core.model.nn.VqTokenizer tok = org.g2d2.train.TrainedTokenizer.load(tokenizer, m);
                java.nio.file.Files.createDirectories(common.out);
                int[] tokens = org.g2d2.train.TrainedTokenizer.tokens(tokenizer, tok, data,
                        common.out.resolve("tokens.bin"), m);
                int g = tok.config().gridSize();
                org.g2d2.core.model.nn.TransformerConfig cfg = new org.g2d2.core.model.nn.TransformerConfig(
                        tok.config().codebookSize(), g, g, dim, layers, heads, 4);
                LoopSettings loop = new LoopSettings(steps, lr, Math.min(300, steps / 10), 0.01, 1.0,
                        common.checkpointSeconds, common.seed);
                org.g2d2.train.PriorTraining.train(tokens, cfg, sched, batch, loop, common.out, m, System.out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return 0;
        }
    }

    @Command(name = "pack", mixinStandardHelpOptions = true,
            description = "Write the model pack from finished tokenizer, prior and classifier runs.")
    static final class Pack implements Callable<Integer> {
        @Option(names = "--tokenizer", required = true)
        Path tokenizer;
        @Option(names = "--prior", required = true)
        Path prior;
        @Option(names = "--classifier", required = true)
        Path classifier;
        @Option(names = "--out", required = true, description = "the pack folder")
        Path out;
        @Option(names = "--data", description = "Fashion-MNIST folder; with it, 24 test images go to --samples-dir")
        Path data;
        @Option(names = "--samples-dir", defaultValue = "assets/samples/fashion")
        Path samplesDir;

        @Override
        public Integer call() throws java.io.IOException {
            String rel = null;
            if (data != null) {
                org.g2d2.train.PackBuilder.writeSamples(FashionMnist.load(data, "t10k"), 24, samplesDir);
                rel = out.toAbsolutePath().normalize().relativize(samplesDir.toAbsolutePath().normalize()).toString();
            }
            try (NDManager m = NDManager.newBaseManager()) {
                org.g2d2.train.PackBuilder.build(tokenizer, prior, classifier, out, rel, m);
            }
            System.out.println("pack written to " + out);
            return 0;
        }
    }
}
