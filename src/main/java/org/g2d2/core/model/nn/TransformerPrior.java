package org.g2d2.core.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.g2d2.core.model.TokenPrior;

/**
 * The {@link TokenPrior} of a {@link MaskedTransformer}, with the carry-over rule enforced: at an
 * unmasked position the observed token gets probability 1 − ε and the others share ε.
 */
public final class TransformerPrior implements TokenPrior {

    private final MaskedTransformer net;
    private final int trainSteps;
    private final double carryEpsilon;

    public TransformerPrior(MaskedTransformer net, int trainSteps, double carryEpsilon) {
        if (!(carryEpsilon > 0 && carryEpsilon < 1)) {
            throw new IllegalArgumentException("carry-over epsilon must be in (0, 1); found " + carryEpsilon);
        }
        this.net = net;
        this.trainSteps = trainSteps;
        this.carryEpsilon = carryEpsilon;
    }

    public MaskedTransformer network() {
        return net;
    }

    @Override
    public NDArray logProbs(NDManager manager, int[] tokens, int t) {
        int l = net.config().length();
        if (tokens.length != l) {
            throw new IllegalArgumentException("prior expects " + l + " tokens; found " + tokens.length);
        }
        return logProbsBatch(manager, tokens, new int[] {t}).reshape(l, net.config().codebookSize());
    }

    /**
     * Batched form: {@code tokens} holds B rows of L ids, {@code times} B times.
     *
     * @return (B, L, K) log-probabilities with carry-over applied
     */
    @Override
    public NDArray logProbsBatch(NDManager manager, int[] tokens, int[] times) {
        int k = net.config().codebookSize();
        int l = net.config().length();
        int b = times.length;
        long[] ids = new long[tokens.length];
        float[] unmasked = new float[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] > k) {
                throw new IllegalArgumentException("token " + tokens[i] + " at " + i + " is outside 0.." + k);
            }
            ids[i] = tokens[i];
            unmasked[i] = tokens[i] == k ? 0f : 1f;
        }
        float[] frac = new float[b];
        for (int i = 0; i < b; i++) {
            frac[i] = (float) times[i] / trainSteps;
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDArray idArray = scratch.create(ids, new Shape(b, l));
            NDArray logp = net.forward(idArray, scratch.create(frac)).logSoftmax(-1);
            // Carry-over: rows at unmasked positions become log((1−ε)·onehot + ε/(K−1)·(1 − onehot)).
            float keep = (float) Math.log1p(-carryEpsilon);
            float other = (float) Math.log(carryEpsilon / (k - 1));
            NDArray onehot = Nn.oneHot(idArray, k);
            NDArray carried = onehot.mul(keep - other).add(other);
            NDArray w = scratch.create(unmasked, new Shape(b, l, 1));
            NDArray out = logp.mul(w.neg().add(1f)).add(carried.mul(w));
            out = out.toType(DataType.FLOAT32, false);
            out.attach(manager);
            return out;
        }
    }

    @Override
    public int maskId() {
        return net.config().codebookSize();
    }
}
