package org.g2d2.core.sampler;

import org.g2d2.core.InvalidInputException;

/**
 * Everything the remaining steps of a run need, taken after its first k steps: z_t, α_prev and
 * both random generators where they stood. {@link G2D2Sampler#resume} goes on from here.
 *
 * @param step k, the steps done (1 … N − 1); the next step executed is j = k
 * @param steps N of the run it was taken from; a branch keeps it (the time grid depends on N)
 * @param seed the seed of the run it was taken from; a branch with another seed re-seeds its draws
 * @param tokens z_t after step k, row-major (L entries)
 * @param alpha α_prev, the log-normalised logits of step k, (L, K) row-major
 * @param draws the generator of the z0 draws and re-masking
 * @param gumbel the generator of the Gumbel noise
 */
public record SamplerState(int step, int steps, long seed, int[] tokens, float[] alpha, SplitMix64.State draws,
                           SplitMix64.State gumbel) {

    public SamplerState {
        if (step < 1 || step >= steps) {
            throw new InvalidInputException("a run can branch after step 1 to " + (steps - 1) + " of " + steps
                    + "; found step " + step);
        }
        if (tokens.length == 0 || alpha.length % tokens.length != 0) {
            throw new InvalidInputException("a sampler state needs L tokens and L x K logits; found "
                    + tokens.length + " tokens and " + alpha.length + " logits");
        }
    }

    /**
     * Keeping every state of a run costs about 4·L·K bytes a step; past this (a few hundred
     * steps of a large image) a run keeps none and cannot be branched.
     */
    public static final long KEEP_LIMIT_BYTES = 256L << 20;

    /** Whether a run of {@code steps} steps on L tokens of K codes may keep its states. */
    public static boolean affordable(int length, int codes, int steps) {
        return 4L * length * codes * steps + 4L * length * steps <= KEEP_LIMIT_BYTES;
    }

    /** K, the codes per token. */
    public int codes() {
        return alpha.length / tokens.length;
    }
}
