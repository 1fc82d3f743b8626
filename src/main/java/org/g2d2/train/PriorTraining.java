package org.g2d2.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.g2d2.core.model.nn.MaskedTransformer;
import org.g2d2.core.model.nn.Nn;
import org.g2d2.core.model.nn.Params;
import org.g2d2.core.model.nn.TransformerConfig;
import org.g2d2.core.schedule.MaskSchedule;
import org.g2d2.train.data.Batches;

/**
 * Trains the transformer prior on DESIGN.md's absorbing objective: pick t uniformly in 1..T, mask
 * each token independently with probability γ̄(t), and minimise the cross-entropy of the true
 * tokens at the masked positions.
 */
public final class PriorTraining implements TrainTask {

    private final int[] tokens;
    private final int count;
    private final TransformerConfig config;
    private final MaskSchedule schedule;
    private final Batches batches;
    private final Params params;
    private final MaskedTransformer net;
    private final long seed;

    PriorTraining(int[] tokens, TransformerConfig config, MaskSchedule schedule, int batch, NDManager manager,
                  long seed) {
        this.tokens = tokens;
        this.config = config;
        this.count = tokens.length / config.length();
        this.schedule = schedule;
        this.batches = new Batches(count, batch, seed);
        this.params = MaskedTransformer.init(manager, config, seed);
        this.net = new MaskedTransformer(config, params);
        this.seed = seed;
    }

    public static TrainLoop.Result train(int[] tokens, TransformerConfig config, MaskSchedule schedule, int batch,
                                         LoopSettings loop, Path out, NDManager manager, PrintStream log) {
        PriorTraining task = new PriorTraining(tokens, config, schedule, batch, manager, loop.seed());
        JsonObject info = new JsonObject();
        info.addProperty("kind", "prior");
        JsonObject cfg = new JsonObject();
        config.writeTo(cfg);
        info.add("config", cfg);
        info.addProperty("schedule", schedule.type());
        info.addProperty("trainSteps", schedule.trainSteps());
        return TrainLoop.run("prior", task, loop, out, info, manager, log);
    }

    @Override
    public Params trainable() {
        return params;
    }

    @Override
    public StepLoss loss(NDManager m, long step, StepLoss prepared) {
        int[] idx = batches.indices(step);
        int b = idx.length;
        int l = config.length();
        int k = config.codebookSize();
        SplittableRandom rng = new SplittableRandom(seed * 7_919 + step);
        long[] input = new long[b * l];
        long[] target = new long[b * l];
        float[] masked = new float[b * l];
        float[] frac = new float[b];
        for (int i = 0; i < b; i++) {
            int t = 1 + rng.nextInt(schedule.trainSteps());
            double gamma = schedule.gammaBar(t);
            frac[i] = (float) t / schedule.trainSteps();
            int any = 0;
            for (int j = 0; j < l; j++) {
                int tok = tokens[idx[i] * l + j];
                target[i * l + j] = tok;
                boolean mask = rng.nextDouble() < gamma;
                input[i * l + j] = mask ? k : tok;
                masked[i * l + j] = mask ? 1f : 0f;
                any += mask ? 1 : 0;
            }
            if (any == 0) {
                // Every example teaches something: mask one position when the draw masked none.
                int j = rng.nextInt(l);
                input[i * l + j] = k;
                masked[i * l + j] = 1f;
            }
        }
        NDArray logits = net.forward(m.create(input, new Shape(b, l)), m.create(frac));
        NDArray logp = logits.logSoftmax(-1);
        NDArray picked = logp.mul(Nn.oneHot(m.create(target, new Shape(b, l)), k)).sum(new int[] {2});
        NDArray weight = m.create(masked, new Shape(b, l));
        NDArray loss = picked.mul(weight).sum().div(weight.sum()).neg();
        Map<String, NDArray> figures = new LinkedHashMap<>();
        figures.put("acc", logp.argMax(2).eq(m.create(target, new Shape(b, l))).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                .mul(weight).sum().div(weight.sum()));
        return new StepLoss(loss, figures, null);
    }
}
