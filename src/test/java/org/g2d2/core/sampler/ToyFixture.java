package org.g2d2.core.sampler;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.g2d2.core.Image;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.io.ToyPacks;
import org.g2d2.core.operator.MeasurementNoise;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.operator.ForwardOperator;
import org.g2d2.core.schedule.MaskSchedule;

/** A toy pack on disk, loaded, with helpers to make measurements of known token grids. */
final class ToyFixture implements AutoCloseable {

    final ModelPack pack;
    final G2D2Sampler sampler;

    ToyFixture(Path dir) throws IOException {
        this(dir, ToyPacks.Spec.standard());
    }

    ToyFixture(Path dir, ToyPacks.Spec spec) throws IOException {
        ToyPacks.write(dir, spec);
        pack = ModelPackLoader.load(dir, Device.cpu());
        MaskSchedule schedule = MaskSchedule.of(pack.manifest().schedule().type(), pack.manifest().schedule().trainSteps());
        sampler = new G2D2Sampler(pack.models().prior(), pack.models().decoder(), pack.grid(), schedule);
    }

    int[] randomTokens(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] z = new int[pack.grid().length()];
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextInt(pack.grid().codebookSize());
        }
        return z;
    }

    Image decode(int[] tokens) {
        try (NDManager m = pack.manager().newSubManager()) {
            return Image.of(sampler.decodeTokens(m, tokens));
        }
    }

    /** y = A(D(C[tokens])) + σ·n, and the problem around it (the operator lives in the pack's manager). */
    InverseProblem problem(OperatorSpec spec, int[] tokens, double sigma, long seed) {
        Image truth = decode(tokens);
        ForwardOperator op = spec.create(pack.manager(), truth.height(), truth.width());
        Image clean;
        try (NDManager m = pack.manager().newSubManager()) {
            NDArray x = truth.toNDArray(m);
            clean = Image.of(op.apply(x));
        }
        return new InverseProblem(op, MeasurementNoise.add(clean, sigma, seed), sigma);
    }

    @Override
    public void close() {
        pack.close();
    }
}
