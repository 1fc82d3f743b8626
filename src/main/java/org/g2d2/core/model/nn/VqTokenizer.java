package org.g2d2.core.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.g2d2.core.model.TokenDecoder;
import org.g2d2.core.model.TokenEncoder;

/**
 * A small VQ autoencoder. Encoder: two stride-2 convs 4×4, residual blocks, 1×1 to the
 * embedding dimension. Decoder: the mirror image, nearest ×2 upsampling followed by 3×3 convs. The decoder is plain
 * convolutions and ReLUs, so soft embeddings (πᵀC) pass through it with exact gradients.
 *
 * <p>Tensors: {@code enc.*}, {@code dec.*} and {@code codebook} (K, d).
 */
public final class VqTokenizer implements TokenEncoder, TokenDecoder {

    private final VqTokenizerConfig config;
    private final Params params;
    /** The decoder's two upsampling convolutions folded for fixed weights; null while training. */
    private final SubPixelUpConv up1;
    private final SubPixelUpConv up2;

    /** A tokenizer whose weights may change (training): the decoder upsamples, then convolves. */
    public VqTokenizer(VqTokenizerConfig config, Params params) {
        this(config, params, false);
    }

    private VqTokenizer(VqTokenizerConfig config, Params params, boolean fixed) {
        this.config = config;
        this.params = params;
        this.up1 = fixed ? SubPixelUpConv.of(params.get("dec.up1.weight"), params.get("dec.up1.bias")) : null;
        this.up2 = fixed ? SubPixelUpConv.of(params.get("dec.up2.weight"), params.get("dec.up2.bias")) : null;
        long[] cb = params.get("codebook").getShape().getShape();
        if (cb[0] != config.codebookSize() || cb[1] != config.embeddingDim()) {
            throw new IllegalArgumentException("codebook has shape (" + cb[0] + ", " + cb[1] + "); the config says ("
                    + config.codebookSize() + ", " + config.embeddingDim() + ")");
        }
    }

    /**
     * A tokenizer whose weights stay as they are (a loaded pack): its decoder runs the upsampling
     * convolutions at the low resolution ({@link SubPixelUpConv}), the same maths in fewer ops. The
     * weights must not change afterwards.
     */
    public static VqTokenizer withFixedWeights(VqTokenizerConfig config, Params params) {
        return new VqTokenizer(config, params, true);
    }

    /** Freshly initialised weights; the codebook starts as small random vectors. */
    public static Params init(NDManager m, VqTokenizerConfig c, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Params p = new Params();
        p.conv(m, rng, "enc.down1", c.half(), c.channels(), 4, 1);
        p.conv(m, rng, "enc.down2", c.quarter(), c.half(), 4, 1);
        for (int i = 0; i < c.resBlocks(); i++) {
            resInit(m, rng, p, "enc.res" + i, c.quarter());
        }
        p.conv(m, rng, "enc.out", c.embeddingDim(), c.quarter(), 1, 0.5);
        p.conv(m, rng, "dec.in", c.quarter(), c.embeddingDim(), 3, 1);
        for (int i = 0; i < c.resBlocks(); i++) {
            resInit(m, rng, p, "dec.res" + i, c.quarter());
        }
        p.conv(m, rng, "dec.up1", c.half(), c.quarter(), 3, 1);
        p.conv(m, rng, "dec.up2", c.full(), c.half(), 3, 1);
        p.conv(m, rng, "dec.out", c.channels(), c.full(), 1, 0.5);
        p.normal(m, rng, "codebook", 0.1, c.codebookSize(), c.embeddingDim());
        return p;
    }

    private static void resInit(NDManager m, SplittableRandom rng, Params p, String name, int ch) {
        p.conv(m, rng, name + ".a", ch, ch, 3, 1);
        // The last conv of a residual branch starts small so each block begins near the identity.
        p.conv(m, rng, name + ".b", ch, ch, 1, 0.1);
    }

    public VqTokenizerConfig config() {
        return config;
    }

    public Params params() {
        return params;
    }

    /** z_e = E(x): (B, C, H, W) → (B, d, h, w), before quantisation. */
    public NDArray encodeContinuous(NDArray images) {
        NDArray x = Nn.relu(Nn.conv(images, params, "enc.down1", 2, 1));
        x = Nn.conv(x, params, "enc.down2", 2, 1);
        for (int i = 0; i < config.resBlocks(); i++) {
            x = res(x, "enc.res" + i);
        }
        return Nn.conv(Nn.relu(x), params, "enc.out", 1, 0);
    }

    @Override
    public NDArray decode(NDArray embeddings) {
        NDArray x = Nn.conv(embeddings, params, "dec.in", 1, 1);
        for (int i = 0; i < config.resBlocks(); i++) {
            x = res(x, "dec.res" + i);
        }
        x = Nn.relu(upConv(Nn.relu(x), up1, "dec.up1"));
        x = Nn.relu(upConv(x, up2, "dec.up2"));
        return pointwise(x, "dec.out");
    }

    private NDArray upConv(NDArray x, SubPixelUpConv folded, String name) {
        return folded != null ? folded.apply(x) : Nn.conv(upsample(x), params, name, 1, 1);
    }

    /**
     * A 1×1 convolution written as a weighted channel sum. libtorch's CPU convolution returned
     * non-deterministic, sometimes NaN input gradients for few output channels on this build, and
     * the sampler differentiates the decoder w.r.t. its input, so the last layer avoids it.
     */
    private NDArray pointwise(NDArray x, String name) {
        NDArray w = params.get(name + ".weight");
        long out = w.getShape().get(0);
        long in = w.getShape().get(1);
        // 0 + p in x's manager first, then the reshape: a reshape of the weight itself would belong to the
        // weights' manager and stay there for the pack's life (two arrays per decode: the soak found them)
        NDArray wl = Nn.use(w, x).reshape(1, out, in, 1, 1);
        NDArray bl = Nn.use(params.get(name + ".bias"), x).reshape(1, out, 1, 1);
        return x.expandDims(1).mul(wl).sum(new int[] {2}).add(bl);
    }

    /**
     * Nearest-neighbour ×2 upsampling as the engine's one upsampling kernel. Two interleaved
     * repeats give the same values, but libtorch 2.7.1 turns each into an expand whose backward is
     * a strided reduction: 4 of them took a sixth of the decoder's forward+backward.
     */
    static NDArray upsample(NDArray x) {
        Shape s = x.getShape();
        return x.getNDArrayInternal().interpolation(new long[] {2 * s.get(2), 2 * s.get(3)}, NEAREST, false);
    }

    /** DJL's code for nearest-neighbour interpolation. */
    private static final int NEAREST = 0;

    private NDArray res(NDArray x, String name) {
        NDArray h = Nn.conv(Nn.relu(x), params, name + ".a", 1, 1);
        h = Nn.conv(Nn.relu(h), params, name + ".b", 1, 0);
        return x.add(h);
    }

    /** Nearest-code indices of continuous embeddings (B, d, h, w) → (B, h, w), int64. */
    public NDArray quantize(NDArray ze) {
        long b = ze.getShape().get(0);
        long h = ze.getShape().get(2);
        long w = ze.getShape().get(3);
        NDArray flat = ze.transpose(0, 2, 3, 1).reshape(b * h * w, config.embeddingDim());
        NDArray cb = local(codebook(), ze);
        // ‖z − c‖² = ‖z‖² − 2 z·c + ‖c‖²; ‖z‖² does not change the argmin.
        NDArray dist = cb.square().sum(new int[] {1}).expandDims(0).sub(flat.matMul(cb.transpose()).mul(2f));
        return dist.argMin(1).reshape(b, h, w);
    }

    /** Embeddings C[ids] as a grid (B, d, h, w). */
    public NDArray embed(NDArray ids) {
        long b = ids.getShape().get(0);
        long h = ids.getShape().get(1);
        long w = ids.getShape().get(2);
        NDArray rows = local(codebook(), ids).get(ids.reshape(-1));
        return rows.reshape(b, h, w, config.embeddingDim()).transpose(0, 3, 1, 2);
    }

    /**
     * A copy of a parameter in {@code like}'s manager. An op's result belongs to its first operand's
     * manager, so ops that start from a long-lived parameter would otherwise pile up there.
     */
    static NDArray local(NDArray param, NDArray like) {
        return like.getManager().zeros(param.getShape(), param.getDataType()).addi(param);
    }

    @Override
    public NDArray encode(NDArray images) {
        return quantize(encodeContinuous(images));
    }

    @Override
    public NDArray codebook() {
        return params.get("codebook");
    }
}
