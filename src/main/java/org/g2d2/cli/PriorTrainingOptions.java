package org.g2d2.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import org.g2d2.core.model.nn.TransformerConfig;
import org.g2d2.core.model.nn.VqTokenizer;
import org.g2d2.core.schedule.MaskSchedule;
import org.g2d2.train.LoopSettings;
import org.g2d2.train.PriorTraining;

/**
 * The shape and schedule of a content pack's transformer prior (text, emoji), shared by their
 * {@code train *-prior} commands, and the training run they start on a tokenizer's tokens.
 */
final class PriorTrainingOptions {
    @picocli.CommandLine.Option(names = "--steps", defaultValue = "40000")
    long steps;
    @picocli.CommandLine.Option(names = "--batch", defaultValue = "32")
    int batch;
    @picocli.CommandLine.Option(names = "--lr", defaultValue = "1e-3")
    double lr;
    @picocli.CommandLine.Option(names = "--dim", defaultValue = "192")
    int dim;
    @picocli.CommandLine.Option(names = "--layers", defaultValue = "6")
    int layers;
    @picocli.CommandLine.Option(names = "--heads", defaultValue = "6")
    int heads;
    @picocli.CommandLine.Option(names = "--schedule", defaultValue = "cosine", description = "mask schedule: linear or cosine")
    String schedule;

    /** Trains the prior on {@code tokens} (the tokenizer's grid and codebook), resuming from {@code out}. */
    void train(int[] tokens, VqTokenizer tokenizer, Path out, double checkpointSeconds, long seed, NDManager manager)
            throws IOException {
        int g = tokenizer.config().gridSize();
        TransformerConfig cfg = new TransformerConfig(tokenizer.config().codebookSize(), g, g, dim, layers, heads, 4);
        LoopSettings loop = new LoopSettings(steps, lr, Math.min(1000, steps / 10), 0.01, 1.0, checkpointSeconds, seed);
        PriorTraining.train(tokens, cfg, MaskSchedule.of(schedule, 100), batch, loop, out, manager, System.out);
    }
}
