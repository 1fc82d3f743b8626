package org.g2d2.core.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;

/**
 * A bidirectional (unmasked-attention) pre-LayerNorm transformer over the token grid. Input: token
 * ids with K as the mask id, and the diffusion time as a fraction t/T; output: logits over the K
 * codes at every position. Position is a learned row embedding plus a learned column embedding;
 * time enters as sinusoidal features through a linear layer, added to every position.
 */
public final class MaskedTransformer {

    private final TransformerConfig config;
    private final Params params;

    public MaskedTransformer(TransformerConfig config, Params params) {
        this.config = config;
        this.params = params;
    }

    public static Params init(NDManager m, TransformerConfig c, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Params p = new Params();
        int d = c.dim();
        p.linear(m, rng, "tok", d, c.codebookSize() + 1, 0.02 * Math.sqrt(c.codebookSize() + 1.0));
        p.normal(m, rng, "pos.row", 0.02, c.height(), d);
        p.normal(m, rng, "pos.col", 0.02, c.width(), d);
        p.linear(m, rng, "time", d, TransformerConfig.TIME_FEATURES, 0.02);
        double resStd = 0.02 / Math.sqrt(2.0 * c.layers());
        for (int i = 0; i < c.layers(); i++) {
            String b = "block" + i;
            p.layerNorm(m, b + ".ln1", d);
            p.linear(m, rng, b + ".qkv", 3 * d, d, 0.02);
            p.linear(m, rng, b + ".proj", d, d, resStd);
            p.layerNorm(m, b + ".ln2", d);
            p.linear(m, rng, b + ".ff1", c.ffMult() * d, d, 0.02);
            p.linear(m, rng, b + ".ff2", d, c.ffMult() * d, resStd);
        }
        p.layerNorm(m, "ln.out", d);
        p.linear(m, rng, "out", c.codebookSize(), d, 0.02);
        return p;
    }

    public TransformerConfig config() {
        return config;
    }

    public Params params() {
        return params;
    }

    /**
     * @param tokens (B, L) int64 ids, K where masked
     * @param timeFraction (B) float32, t / T_train
     * @return logits (B, L, K)
     */
    public NDArray forward(NDArray tokens, NDArray timeFraction) {
        long b = tokens.getShape().get(0);
        int l = config.length();
        int d = config.dim();
        NDArray x = Nn.linear(Nn.oneHot(tokens, config.codebookSize() + 1), params, "tok");
        NDArray row = Nn.use(params.get("pos.row"), tokens).reshape(config.height(), 1, d);
        NDArray col = Nn.use(params.get("pos.col"), tokens).reshape(1, config.width(), d);
        x = x.add(row.add(col).reshape(1, l, d));
        x = x.add(Nn.linear(timeFeatures(timeFraction), params, "time").reshape(b, 1, d));
        for (int i = 0; i < config.layers(); i++) {
            x = block(x, "block" + i, b);
        }
        return Nn.linear(Nn.layerNorm(x, params, "ln.out"), params, "out");
    }

    private NDArray block(NDArray x, String name, long b) {
        int l = config.length();
        int d = config.dim();
        int heads = config.heads();
        int dh = d / heads;
        NDArray qkv = Nn.linear(Nn.layerNorm(x, params, name + ".ln1"), params, name + ".qkv")
                .reshape(b, l, 3, heads, dh).transpose(2, 0, 3, 1, 4);
        NDArray q = qkv.get(0);
        NDArray k = qkv.get(1);
        NDArray v = qkv.get(2);
        NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).mul((float) (1 / Math.sqrt(dh))).softmax(-1);
        NDArray y = att.matMul(v).transpose(0, 2, 1, 3).reshape(b, l, d);
        x = x.add(Nn.linear(y, params, name + ".proj"));
        NDArray h = Nn.gelu(Nn.linear(Nn.layerNorm(x, params, name + ".ln2"), params, name + ".ff1"));
        return x.add(Nn.linear(h, params, name + ".ff2"));
    }

    /** Sinusoidal features of t/T: sin and cos at geometrically spaced frequencies. */
    private static NDArray timeFeatures(NDArray frac) {
        int half = TransformerConfig.TIME_FEATURES / 2;
        float[] freqs = new float[half];
        for (int i = 0; i < half; i++) {
            freqs[i] = (float) (Math.PI * Math.pow(1000, (double) i / half));
        }
        NDArray f = frac.getManager().create(freqs).reshape(1, half);
        NDArray angle = frac.reshape(-1, 1).mul(f);
        return angle.sin().concat(angle.cos(), 1);
    }

}
