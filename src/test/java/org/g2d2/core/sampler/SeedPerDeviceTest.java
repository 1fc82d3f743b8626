package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.g2d2.core.Image;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.io.ToyPacks;
import org.g2d2.core.operator.MeasurementNoise;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.operator.ForwardOperator;
import org.g2d2.core.schedule.MaskSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pinned seed repeats a run exactly on each device the engine sees (here the CPU; a GPU too where
 * one is present): tokens, image and every loss of every frame.
 */
class SeedPerDeviceTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedSameRunOnEveryDevice() throws Exception {
        ToyPacks.write(dir, ToyPacks.Spec.standard());
        List<Device> devices = new ArrayList<>(List.of(Device.cpu()));
        for (int i = 0; i < Engine.getInstance().getGpuCount(); i++) {
            devices.add(Device.gpu(i));
        }
        SamplerSettings settings = new SamplerSettings(6, 5, 1e-4, 2, 1.0, 15, 1, 0.3, "star", 0.95, 21);
        for (Device device : devices) {
            try (ModelPack pack = ModelPackLoader.load(dir, device)) {
                G2D2Sampler sampler = new G2D2Sampler(pack.models().prior(), pack.models().decoder(), pack.grid(),
                        MaskSchedule.of(pack.manifest().schedule().type(), pack.manifest().schedule().trainSteps()));
                InverseProblem problem = problem(pack, sampler);
                Run first = run(pack, sampler, problem, settings);
                Run second = run(pack, sampler, problem, settings);
                Run otherSeed = run(pack, sampler, problem, settings.withSeed(22));
                assertThat(second.result.tokens()).as(device.toString()).containsExactly(first.result.tokens());
                assertThat(second.result.image().data()).as(device.toString())
                        .containsExactly(first.result.image().data());
                assertThat(second.losses).as(device.toString()).containsExactly(first.losses.toArray(new float[0][]));
                assertThat(otherSeed.result.tokens()).as(device.toString()).isNotEqualTo(first.result.tokens());
            }
        }
    }

    private record Run(SamplerResult result, List<float[]> losses) {
    }

    private static Run run(ModelPack pack, G2D2Sampler sampler, InverseProblem problem, SamplerSettings settings) {
        List<float[]> losses = new ArrayList<>();
        SamplerResult result = sampler.run(pack.manager(), problem, settings, frame -> {
            losses.add(frame.likelihoodLosses());
            losses.add(frame.klLosses());
        }, () -> false);
        return new Run(result, losses);
    }

    /** y = A(D(C[tokens])) + σ·n for fixed tokens, on the pack's device. */
    private static InverseProblem problem(ModelPack pack, G2D2Sampler sampler) {
        int[] tokens = new int[pack.grid().length()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = (7 * i + 3) % pack.grid().codebookSize();
        }
        try (NDManager m = pack.manager().newSubManager()) {
            Image truth = Image.of(sampler.decodeTokens(m, tokens));
            ForwardOperator op = OperatorSpec.blur(1.0, 5).create(pack.manager(), truth.height(), truth.width());
            Image clean = Image.of(op.apply(truth.toNDArray(m)));
            return new InverseProblem(op, MeasurementNoise.add(clean, 0.05, 9), 0.05);
        }
    }
}
