package org.g2d2.core.sampler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Rectified Adam (Liu et al., 2020) on one parameter array, as PyTorch's RAdam computes it:
 * plain momentum SGD while the variance of the adaptive rate is intractable (ρ_t ≤ 5), the
 * rectified adaptive step after. Updates in place; a fresh instance per sampler step. The
 * rectified step is Adam's update with a rescaled step size, so it runs as the engine's fused Adam
 * update (one native call instead of a dozen array operations per iteration). The moment
 * arrays belong to the parameters' manager and go with it; the temporaries of an update belong to
 * the gradient's manager.
 */
public final class RAdam {

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double rhoInf;
    private NDArray m;
    private NDArray v;
    private int t;

    public RAdam(double beta1, double beta2, double eps) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.rhoInf = 2 / (1 - beta2) - 1;
    }

    /** The paper's optimiser: betas 0.9 / 0.999, eps 1e-8. */
    public static RAdam withDefaults() {
        return new RAdam(0.9, 0.999, 1e-8);
    }

    /**
     * One update of {@code params} in place. The moment arrays live in the manager of
     * {@code params}; temporaries in the manager of {@code grad}.
     */
    public void step(NDArray params, NDArray grad, double lr) {
        if (m == null) {
            m = params.zerosLike();
            v = params.zerosLike();
        }
        t++;
        double bias1 = 1 - Math.pow(beta1, t);
        double beta2t = Math.pow(beta2, t);
        double bias2 = 1 - beta2t;
        double rho = rhoInf - 2 * t * beta2t / bias2;
        if (grad.getManager() != m.getManager()) {
            // temporaries of this update then die with the gradient's manager, the moments return to theirs
            m.tempAttach(grad.getManager());
            v.tempAttach(grad.getManager());
        }
        if (rho > 5) {
            double rect = Math.sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho));
            float stepSize = (float) (lr * rect / bias1 * Math.sqrt(bias2));
            // m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; params −= stepSize · m / (√v + eps)
            params.getNDArrayInternal().adamUpdate(new NDList(params, grad, m, v), new NDList(params),
                    0f, stepSize, 0f, 1f, -1f, (float) beta1, (float) beta2, (float) eps, false, false);
        } else {
            m.muli((float) beta1).addi(grad.mul((float) (1 - beta1)));
            v.muli((float) beta2).addi(grad.square().muli((float) (1 - beta2)));
            params.subi(m.mul((float) (lr / bias1)));
        }
    }

    /** Updates taken so far. */
    public int steps() {
        return t;
    }
}
