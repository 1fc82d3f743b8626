package org.g2d2.core.sampler;

/**
 * The per-step learning rate and KL coefficient, computed once: with j = 0 for the first step
 * executed (t = T) and u = j / max(N − 1, 1), lr_j = lr·10^{w_lr(1/2 − u)} and
 * λ_j = λ·10^{w_kl(1/2 − u)} — large steps and a strong KL early, small ones late.
 */
public final class StepSchedule {

    private final double[] lr;
    private final double[] kl;

    public StepSchedule(SamplerSettings s) {
        int n = s.steps();
        lr = new double[n];
        kl = new double[n];
        for (int j = 0; j < n; j++) {
            double u = (double) j / Math.max(n - 1, 1);
            lr[j] = s.lr() * Math.pow(10, s.lrDecay() * (0.5 - u));
            kl[j] = s.kl() * Math.pow(10, s.klDecay() * (0.5 - u));
        }
    }

    public double lr(int j) {
        return lr[j];
    }

    public double kl(int j) {
        return kl[j];
    }
}
