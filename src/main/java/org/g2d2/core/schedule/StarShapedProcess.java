package org.g2d2.core.schedule;

import java.util.random.RandomGenerator;

/**
 * The star-shaped process: each noisy state is drawn from z0 directly, q*(z_s | z0), by masking
 * exactly round(L·γ̄(s)) positions chosen uniformly. Positions unmasked before may be masked
 * again and change, which lets G2D2 correct early mistakes.
 */
public final class StarShapedProcess implements NoiseProcess {

    private final MaskSchedule schedule;

    public StarShapedProcess(MaskSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public boolean truncatesDraw() {
        return true;
    }

    @Override
    public int[] step(int[] zt, int t, int s, int[] z0, int maskId, RandomGenerator rng) {
        int length = z0.length;
        int[] zs = z0.clone();
        int masked = schedule.maskedCount(length, s);
        int[] order = new int[length];
        for (int i = 0; i < length; i++) {
            order[i] = i;
        }
        // partial Fisher–Yates: the first `masked` entries are a uniform random subset
        for (int i = 0; i < masked; i++) {
            int j = i + rng.nextInt(length - i);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
            zs[order[i]] = maskId;
        }
        return zs;
    }

    @Override
    public String name() {
        return "star";
    }
}
