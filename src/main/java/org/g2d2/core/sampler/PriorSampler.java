package org.g2d2.core.sampler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.g2d2.core.model.TokenGrid;
import org.g2d2.core.model.TokenPrior;
import org.g2d2.core.schedule.MaskSchedule;
import org.g2d2.core.schedule.NoiseProcess;

/**
 * Unconditional sampling from the prior alone: from all masks, draw z0 ~ p̃(z0 | z_t) at each
 * step and noise it to the next time. No measurement, no guidance; used to judge a prior and as
 * the "prior only" baseline.
 */
public final class PriorSampler {

    private PriorSampler() {
    }

    /** @return the final token grid z_{t_0}, row-major */
    public static int[] sample(NDManager manager, TokenPrior prior, TokenGrid grid, MaskSchedule schedule,
                               NoiseProcess process, int steps, double topMass, RandomGenerator rng) {
        int[] times = schedule.timesteps(steps);
        int[] z = new int[grid.length()];
        Arrays.fill(z, grid.maskId());
        double mass = process.truncatesDraw() ? topMass : 1.0;
        for (int j = 0; j < steps; j++) {
            try (NDManager step = manager.newSubManager()) {
                NDArray logPrior = prior.logProbs(step, z, times[j]);
                int[] z0 = Categorical.draw(logPrior.toFloatArray(), grid.codebookSize(), mass, rng);
                z = process.step(z, times[j], times[j + 1], z0, grid.maskId(), rng);
            }
        }
        return z;
    }
}
