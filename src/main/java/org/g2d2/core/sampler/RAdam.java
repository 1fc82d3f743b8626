package org.g2d2.core.sampler;

/**
 * Rectified Adam (Liu et al., 2020) on one flat parameter vector, as PyTorch's RAdam computes it:
 * plain momentum SGD while the variance of the adaptive rate is intractable (ρ_t ≤ 5), the
 * rectified adaptive step after. A fresh instance per sampler step.
 */
public final class RAdam {

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double rhoInf;
    private final float[] m;
    private final float[] v;
    private int t;

    public RAdam(int size, double beta1, double beta2, double eps) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.rhoInf = 2 / (1 - beta2) - 1;
        this.m = new float[size];
        this.v = new float[size];
    }

    /** The paper's optimiser: betas 0.9 / 0.999, eps 1e-8. */
    public static RAdam withDefaults(int size) {
        return new RAdam(size, 0.9, 0.999, 1e-8);
    }

    /** One update of {@code params} in place with gradient {@code grad} and learning rate {@code lr}. */
    public void step(float[] params, float[] grad, double lr) {
        t++;
        double bias1 = 1 - Math.pow(beta1, t);
        double beta2t = Math.pow(beta2, t);
        double bias2 = 1 - beta2t;
        double rho = rhoInf - 2 * t * beta2t / bias2;
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float c1 = (float) (1 - beta1);
        float c2 = (float) (1 - beta2);
        if (rho > 5) {
            double rect = Math.sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho));
            float stepSize = (float) (lr * rect / bias1);
            float sqrtBias2 = (float) Math.sqrt(bias2);
            float e = (float) eps;
            for (int i = 0; i < params.length; i++) {
                float g = grad[i];
                m[i] = b1 * m[i] + c1 * g;
                v[i] = b2 * v[i] + c2 * g * g;
                params[i] -= stepSize * m[i] * sqrtBias2 / ((float) Math.sqrt(v[i]) + e);
            }
        } else {
            float stepSize = (float) (lr / bias1);
            for (int i = 0; i < params.length; i++) {
                float g = grad[i];
                m[i] = b1 * m[i] + c1 * g;
                v[i] = b2 * v[i] + c2 * g * g;
                params[i] -= stepSize * m[i];
            }
        }
    }

    /** Updates taken so far. */
    public int steps() {
        return t;
    }
}
