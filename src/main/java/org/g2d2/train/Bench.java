package org.g2d2.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import org.g2d2.core.model.nn.Params;
import org.g2d2.core.model.nn.VqTokenizer;
import org.g2d2.core.model.nn.VqTokenizerConfig;

/** Wall-clock timings of the networks (median of repeated runs), for choosing sizes. */
public final class Bench {

    private Bench() {
    }

    /** Median milliseconds of {@code body} over {@code reps} runs after 3 warm-ups, each in its own manager. */
    public static double medianMs(NDManager base, int reps, Consumer<NDManager> body) {
        double[] t = new double[reps];
        for (int i = -3; i < reps; i++) {
            long s = System.nanoTime();
            try (NDManager m = base.newSubManager()) {
                body.accept(m);
            }
            if (i >= 0) {
                t[i] = (System.nanoTime() - s) / 1e6;
            }
        }
        java.util.Arrays.sort(t);
        return t[reps / 2];
    }

    /** Times the tokenizer: decoder forward+backward at batch 1 (the sampler's inner loop) and a training step's passes. */
    public static void tokenizer(VqTokenizerConfig c, int batch, PrintStream out) {
        try (NDManager base = NDManager.newBaseManager()) {
            Params p = VqTokenizer.init(base, c, 1);
            VqTokenizer tok = new VqTokenizer(c, p);
            int g = c.gridSize();
            double dec1 = medianMs(base, 30, m -> {
                NDArray e = m.randomNormal(new Shape(1, c.embeddingDim(), g, g));
                e.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(tok.decode(e).square().sum());
                }
            });
            double decFwd1 = medianMs(base, 30, m -> tok.decode(m.randomNormal(new Shape(1, c.embeddingDim(), g, g)))
                    .toFloatArray());
            for (NDArray a : p.asMap().values()) {
                a.setRequiresGradient(true);
            }
            double encFb = medianMs(base, 5, m -> {
                NDArray x = m.randomNormal(new Shape(batch, c.channels(), c.imageSize(), c.imageSize()));
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(tok.encodeContinuous(x).square().sum());
                }
            });
            double decFb = medianMs(base, 5, m -> {
                NDArray e = m.randomNormal(new Shape(batch, c.embeddingDim(), g, g));
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(tok.decode(e).square().sum());
                }
            });
            out.printf(Locale.ROOT, "tokenizer %s%n  decoder fwd+bwd (input grad) batch 1: %.2f ms; fwd only: %.2f ms%n"
                    + "  batch %d fwd+bwd with weight grads: encoder %.0f ms, decoder %.0f ms%n",
                    c, dec1, decFwd1, batch, encFb, decFb);
        }
    }
}
