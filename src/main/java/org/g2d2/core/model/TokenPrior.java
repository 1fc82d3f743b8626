package org.g2d2.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;

/**
 * The discrete diffusion prior: log p̃(z0 | z_t) over the K codes at every token position.
 *
 * <p>Implementations honour the carry-over rule of the absorbing process: at a position that is
 * not masked in {@code tokens}, at least 1 − ε of the mass sits on the observed token.
 */
public interface TokenPrior {

    /**
     * @param manager owns the returned array (the caller closes it)
     * @param tokens the state z_t, row-major over the token grid; {@link #maskId()} where masked
     * @param t the diffusion time in [0, T_train]
     * @return log-probabilities, shape (L, K), log-softmax over the last axis
     */
    NDArray logProbs(NDManager manager, int[] tokens, int t);

    /**
     * Batched form: {@code tokens} holds B states of equal length, one per entry of {@code times}.
     * The default evaluates them one by one; network priors override it with one forward pass.
     *
     * @return log-probabilities, shape (B, L, K)
     */
    default NDArray logProbsBatch(NDManager manager, int[] tokens, int[] times) {
        int length = tokens.length / times.length;
        try (NDManager scratch = manager.newSubManager()) {
            NDList rows = new NDList(times.length);
            for (int b = 0; b < times.length; b++) {
                rows.add(logProbs(scratch, Arrays.copyOfRange(tokens, b * length, (b + 1) * length), times[b]));
            }
            NDArray out = NDArrays.stack(rows);
            out.attach(manager);
            return out;
        }
    }

    /** The id that marks a masked position (K, one past the last code). */
    int maskId();
}
