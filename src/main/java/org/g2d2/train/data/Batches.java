package org.g2d2.train.data;

import java.util.SplittableRandom;

/**
 * Which examples make up batch {@code step}: each epoch is a fresh permutation drawn from
 * (seed, epoch), so any step can be recomputed on resume without stored state.
 */
public final class Batches {

    private final int size;
    private final int batch;
    private final long seed;
    private int cachedEpoch = -1;
    private int[] perm;

    public Batches(int size, int batch, long seed) {
        if (batch > size) {
            throw new IllegalArgumentException("batch " + batch + " exceeds the " + size + " examples");
        }
        this.size = size;
        this.batch = batch;
        this.seed = seed;
    }

    public int perEpoch() {
        return size / batch;
    }

    /** The example indices of global step {@code step} (0-based). */
    public int[] indices(long step) {
        int epoch = (int) (step / perEpoch());
        int within = (int) (step % perEpoch());
        if (epoch != cachedEpoch) {
            perm = permutation(size, new SplittableRandom(seed * 1_000_003L + epoch));
            cachedEpoch = epoch;
        }
        int[] out = new int[batch];
        System.arraycopy(perm, within * batch, out, 0, batch);
        return out;
    }

    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
