package org.g2d2.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.g2d2.core.model.nn.Params;
import org.g2d2.core.model.nn.VqTokenizer;
import org.g2d2.core.model.nn.VqTokenizerConfig;
import org.g2d2.train.data.Batches;
import org.g2d2.train.data.ImageSet;

/**
 * Trains the VQ tokenizer: loss = ‖D(z_q) − x‖² + β‖E(x) − sg(z_q)‖² with the straight-through
 * estimator; the codebook is not a gradient parameter but an exponential moving average of the
 * encoder outputs assigned to each code, and codes that fall out of use are restarted on random
 * encoder outputs of the current batch.
 */
public final class TokenizerTraining implements TrainTask {

    /**
     * @param batch images per step
     * @param beta commitment weight
     * @param emaDecay codebook EMA decay
     * @param deadThreshold a code whose EMA count falls below this is restarted
     */
    public record Settings(VqTokenizerConfig config, int batch, double beta, double emaDecay, double deadThreshold) {
    }

    private final Settings settings;
    private final ImageSet data;
    private final Batches batches;
    private final Params model;
    private final Params trainable = new Params();
    private final VqTokenizer tokenizer;
    private final Map<String, NDArray> ema = new LinkedHashMap<>();
    private final long seed;
    private boolean seeded;

    TokenizerTraining(Settings settings, ImageSet data, NDManager manager, long seed) {
        this.settings = settings;
        this.data = data;
        this.seed = seed;
        this.batches = new Batches(data.size(), settings.batch(), seed);
        this.model = VqTokenizer.init(manager, settings.config(), seed);
        model.asMap().forEach((k, v) -> {
            if (!"codebook".equals(k)) {
                trainable.put(k, v);
            }
        });
        this.tokenizer = new VqTokenizer(settings.config(), model);
        int k = settings.config().codebookSize();
        ema.put("count", manager.zeros(new ai.djl.ndarray.types.Shape(k)));
        ema.put("sum", manager.zeros(new ai.djl.ndarray.types.Shape(k, settings.config().embeddingDim())));
    }

    /** Trains (or resumes) into {@code out}. */
    public static TrainLoop.Result train(Settings settings, LoopSettings loop, ImageSet data, Path out,
                                         NDManager manager, PrintStream log) {
        TokenizerTraining task = new TokenizerTraining(settings, data, manager, loop.seed());
        JsonObject info = new JsonObject();
        info.addProperty("kind", "tokenizer");
        JsonObject cfg = new JsonObject();
        settings.config().writeTo(cfg);
        info.add("config", cfg);
        return TrainLoop.run("tokenizer", task, loop, out, info, manager, log);
    }

    @Override
    public Params trainable() {
        return trainable;
    }

    @Override
    public Params model() {
        return model;
    }

    @Override
    public Map<String, NDArray> extraState() {
        return ema;
    }

    @Override
    public StepLoss prepare(NDManager m, long step) {
        // Quantise in a pass of its own, before the gradient collector opens: z_q and the
        // straight-through offset z_q − z_e enter the loss as plain constants.
        NDArray x = data.images(m, batches.indices(step));
        NDArray ze = tokenizer.encodeContinuous(x);
        if (!seeded) {
            seeded = ema.get("count").toFloatArray()[0] > 0f;
            if (!seeded) {
                seedCodebook(ze);
                seeded = true;
            }
        }
        NDArray ids = tokenizer.quantize(ze);
        NDArray zq = tokenizer.embed(ids);
        return new StepLoss(null, Map.of(), new NDArray[] {x, ze, ids, zq});
    }

    @Override
    public StepLoss loss(NDManager m, long step, StepLoss prepared) {
        NDArray[] c = (NDArray[]) prepared.carry();
        NDArray x = c[0];
        NDArray zq = c[3];
        NDArray offset = zq.sub(c[1]);
        NDArray ze = tokenizer.encodeContinuous(x);
        NDArray recon = tokenizer.decode(ze.add(offset));
        NDArray mse = recon.sub(x).square().mean();
        NDArray commit = ze.sub(zq).square().mean();
        NDArray loss = mse.add(commit.mul((float) settings.beta()));
        Map<String, NDArray> figures = new LinkedHashMap<>();
        // PSNR on the [0, 1] scale: the [−1, 1] range is twice as wide, so MSE₀₁ = MSE / 4.
        figures.put("psnr", mse.div(4f).log10().mul(-10f));
        figures.put("used", local(ema.get("count"), m).gt((float) settings.deadThreshold()).sum()
                .toType(DataType.FLOAT32, false));
        return new StepLoss(loss, figures, new NDArray[] {c[1], c[2]});
    }

    /** The first batch's encoder outputs become the initial codebook (random distinct rows). */
    private void seedCodebook(NDArray ze) {
        NDArray flat = flatten(ze);
        int n = (int) flat.getShape().get(0);
        int k = settings.config().codebookSize();
        SplittableRandom rng = new SplittableRandom(seed + 17);
        float[] rows = flat.toFloatArray();
        int d = settings.config().embeddingDim();
        float[] cb = new float[k * d];
        for (int i = 0; i < k; i++) {
            int r = rng.nextInt(n);
            System.arraycopy(rows, r * d, cb, i * d, d);
        }
        tokenizer.codebook().set(cb);
        ema.get("sum").set(cb);
        ema.get("count").set(filled(k, 1f));
    }

    @Override
    public void afterUpdate(NDManager m, long step, StepLoss loss) {
        NDArray[] carry = (NDArray[]) loss.carry();
        NDArray flat = flatten(carry[0]);
        int k = settings.config().codebookSize();
        int d = settings.config().embeddingDim();
        float decay = (float) settings.emaDecay();
        NDArray onehot = org.g2d2.core.model.nn.Nn.oneHot(carry[1].reshape(-1), k);
        NDArray counts = onehot.sum(new int[] {0});
        NDArray sums = onehot.transpose().matMul(flat);
        NDArray count = ema.get("count");
        NDArray sum = ema.get("sum");
        count.muli(decay).addi(counts.mul(1 - decay));
        sum.muli(decay).addi(sums.mul(1 - decay));
        // Laplace smoothing keeps rarely used codes from dividing by ~0.
        NDArray c = local(count, m);
        NDArray n = c.sum();
        NDArray smoothed = c.add(1e-5f).div(n.add(k * 1e-5f)).mul(n);
        tokenizer.codebook().set(local(sum, m).div(smoothed.expandDims(1)).toFloatArray());
        if (step % 20 == 19) {
            restartDead(flat, count, sum, k, d, step);
        }
    }

    private void restartDead(NDArray flat, NDArray count, NDArray sum, int k, int d, long step) {
        float[] c = count.toFloatArray();
        float[] s = sum.toFloatArray();
        float[] cb = tokenizer.codebook().toFloatArray();
        float[] rows = flat.toFloatArray();
        int n = rows.length / d;
        SplittableRandom rng = new SplittableRandom(seed * 31 + step);
        boolean any = false;
        for (int i = 0; i < k; i++) {
            if (c[i] < settings.deadThreshold()) {
                int r = rng.nextInt(n);
                for (int j = 0; j < d; j++) {
                    float v = rows[r * d + j];
                    cb[i * d + j] = v;
                    s[i * d + j] = v;
                }
                c[i] = 1f;
                any = true;
            }
        }
        if (any) {
            count.set(c);
            sum.set(s);
            tokenizer.codebook().set(cb);
        }
    }

    private NDArray flatten(NDArray ze) {
        long b = ze.getShape().get(0);
        long h = ze.getShape().get(2);
        long w = ze.getShape().get(3);
        return ze.transpose(0, 2, 3, 1).reshape(b * h * w, settings.config().embeddingDim());
    }

    private static NDArray local(NDArray a, NDManager m) {
        return m.zeros(a.getShape(), a.getDataType()).addi(a);
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
