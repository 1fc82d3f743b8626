package org.g2d2.core.sampler;

import java.util.random.RandomGenerator;

/**
 * The random stream of {@link java.util.SplittableRandom} (Steele, Lea and Flood's SplitMix64: the
 * state advances by an odd gamma, each output is the state through the mix64 finaliser), with a
 * state that can be read and set.
 *
 * <p>Why not SplittableRandom itself: it hides its state, and branching a run from step k needs
 * the draws to continue exactly where the original's stopped. Why the same stream and not another
 * generator: every seed then gives the draws it gave before (tests and an external reference replay
 * them). A test compares the streams draw by draw.
 */
public final class SplitMix64 implements RandomGenerator {

    /** The gamma of a generator made from a seed: the odd integer closest to 2^64/φ. */
    static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    /**
     * Where a generator stands.
     *
     * @param seed the state, advanced by {@code gamma} before each output
     * @param gamma the increment (odd)
     */
    public record State(long seed, long gamma) {
    }

    private long seed;
    private final long gamma;

    /** The generator {@code new SplittableRandom(seed)} would be. */
    public SplitMix64(long seed) {
        this(seed, GOLDEN_GAMMA);
    }

    private SplitMix64(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /** A generator that continues from {@code state}. */
    public static SplitMix64 resumed(State state) {
        return new SplitMix64(state.seed(), state.gamma());
    }

    public State state() {
        return new State(seed, gamma);
    }

    /** A new generator, as {@code SplittableRandom.split()} makes it; this one moves on by two outputs. */
    public SplitMix64 split() {
        long childSeed = nextLong();
        return new SplitMix64(childSeed, mixGamma(nextSeed()));
    }

    @Override
    public long nextLong() {
        return mix64(nextSeed());
    }

    @Override
    public int nextInt() {
        return mix32(nextSeed());
    }

    /**
     * Uniform in [0, bound): the top 31 bits of {@link #nextInt()} modulo the bound, redrawn while
     * they fall in the incomplete last block (a power of two just masks). SplittableRandom's rule;
     * the interface's default rule differs.
     */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive; found " + bound);
        }
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        int u = r >>> 1;
        while (u + m - (r = u % bound) < 0) {
            u = nextInt() >>> 1;
        }
        return r;
    }

    /** Uniform in [0, 1): the top 53 bits of {@link #nextLong()}. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    private long nextSeed() {
        return seed += gamma;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** An odd gamma with enough bit transitions, from a seed (MurmurHash3's finaliser). */
    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
