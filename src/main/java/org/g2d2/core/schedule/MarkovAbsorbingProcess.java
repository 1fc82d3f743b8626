package org.g2d2.core.schedule;

import java.util.random.RandomGenerator;

/**
 * The Markov absorbing process (the paper's ablation): tokens already unmasked in z_t stay; each
 * masked position is unmasked with probability (γ̄(t) − γ̄(s)) / γ̄(t), taking its token from z0.
 * A token once unmasked never changes.
 */
public final class MarkovAbsorbingProcess implements NoiseProcess {

    private final MaskSchedule schedule;

    public MarkovAbsorbingProcess(MaskSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public boolean truncatesDraw() {
        return false;
    }

    @Override
    public int[] step(int[] zt, int t, int s, int[] z0, int maskId, RandomGenerator rng) {
        double gt = schedule.gammaBar(t);
        double unmaskProbability = gt <= 0 ? 1.0 : (gt - schedule.gammaBar(s)) / gt;
        int[] zs = zt.clone();
        for (int n = 0; n < zt.length; n++) {
            if (zt[n] == maskId && rng.nextDouble() < unmaskProbability) {
                zs[n] = z0[n];
            }
        }
        return zs;
    }

    @Override
    public String name() {
        return "markov";
    }
}
