package org.g2d2.core.sampler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Standard Gumbel noise for the relaxation, g = −log(−log(u + 1e−30) + 1e−30), u ~ U(0, 1), one
 * array of a fixed shape per call.
 *
 * <p>The uniforms come from a JVM generator ({@link SplitMix64}) seeded per run, not the engine's: the engine's
 * uniform kernel costs three times as much here (it was a tenth of every iteration), and a run
 * then owns its whole random stream — no process-wide generator state — so the same seed gives
 * the same uniforms on any device. The logarithms run in the engine. Not thread-safe; one per run.
 *
 * <p>The uniforms are staged in one direct buffer that the engine wraps without copying (on the
 * CPU); the first logarithm writes engine-owned memory, so the returned array never aliases the
 * buffer, which the next call refills.
 */
final class GumbelNoise {

    /** Keeps both logarithms finite. */
    private static final float TINY = 1e-30f;

    private final SplitMix64 rng;
    private final Shape shape;
    private final int size;
    private final ByteBuffer staging;
    private final FloatBuffer stagingFloats;

    GumbelNoise(long seed, Shape shape) {
        this(new SplitMix64(seed), shape);
    }

    /** Noise drawn from {@code rng} (a resumed run passes its generator where it stood). */
    GumbelNoise(SplitMix64 rng, Shape shape) {
        this.rng = rng;
        this.shape = shape;
        this.size = Math.toIntExact(shape.size());
        this.staging = ByteBuffer.allocateDirect(4 * size).order(ByteOrder.nativeOrder());
        this.stagingFloats = staging.asFloatBuffer();
    }

    /** Fresh noise of the configured shape, owned by {@code manager}. */
    NDArray next(NDManager manager) {
        fillUniform();
        NDArray u = manager.create(staging, shape, DataType.FLOAT32);
        NDArray logU = u.addi(TINY).log();                 // engine memory: outlives the wrapped buffer
        u.close();
        return logU.negi().addi(TINY).log().negi();
    }

    /** Where the uniforms' generator stands. */
    SplitMix64.State state() {
        return rng.state();
    }

    /** Two 24-bit uniforms in [0, 1) from each 64-bit draw. */
    private void fillUniform() {
        FloatBuffer u = stagingFloats;
        int i = 0;
        for (; i + 1 < size; i += 2) {
            long r = rng.nextLong();
            u.put(i, (r >>> 40) * 0x1.0p-24f);
            u.put(i + 1, ((r >>> 16) & 0xFFFFFF) * 0x1.0p-24f);
        }
        if (i < size) {
            u.put(i, (rng.nextLong() >>> 40) * 0x1.0p-24f);
        }
    }
}
