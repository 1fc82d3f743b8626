package org.g2d2.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.model.nn.Params;

/**
 * Adam with decoupled weight decay, updating {@link Params} in place. Its moments live in the
 * params' manager and are part of a checkpoint. Gradients are zeroed after each step (PyTorch
 * accumulates them otherwise).
 */
final class AdamW {

    private static final double B1 = 0.9;
    private static final double B2 = 0.99;
    private static final double EPS = 1e-8;

    private final Params params;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private final double weightDecay;
    private final double clipNorm;

    /** @param clipNorm global gradient-norm clip, 0 for none */
    AdamW(Params params, NDManager manager, double weightDecay, double clipNorm) {
        this.params = params;
        this.weightDecay = weightDecay;
        this.clipNorm = clipNorm;
        params.asMap().forEach((name, p) -> {
            p.setRequiresGradient(true);
            m.put(name, manager.zeros(p.getShape()));
            v.put(name, manager.zeros(p.getShape()));
        });
    }

    void zeroGradients() {
        for (NDArray p : params.asMap().values()) {
            try (NDArray g = p.getGradient()) {
                g.set(new ai.djl.ndarray.index.NDIndex(":"), 0f);
            }
        }
    }

    /** Moment tensors by name ("m/..." and "v/..."), for checkpoints. */
    Map<String, NDArray> state() {
        Map<String, NDArray> s = new LinkedHashMap<>();
        m.forEach((k, a) -> s.put("m/" + k, a));
        v.forEach((k, a) -> s.put("v/" + k, a));
        return s;
    }

    void restore(Map<String, NDArray> saved) {
        for (Map.Entry<String, NDArray> e : state().entrySet()) {
            NDArray src = saved.get(e.getKey());
            if (src != null) {
                e.getValue().set(src.toFloatArray());
            }
        }
    }

    /**
     * One update with learning rate {@code lr}; {@code t} counts updates from 1 (bias correction).
     * Parameters without a gradient this step (not in the graph) are skipped.
     *
     * @return the global gradient norm before clipping; not finite when the update was skipped
     */
    double step(double lr, long t) {
        // in-place updates of the parameters must not be recorded, whichever thread this is
        TorchRuntime.gradientsOffOnThisThread();
        double sq = 0;
        for (Map.Entry<String, NDArray> e : params.asMap().entrySet()) {
            try (NDArray g = e.getValue().getGradient(); NDArray g2 = g.square(); NDArray s = g2.sum()) {
                sq += s.getFloat();
            }
        }
        double norm = Math.sqrt(sq);
        if (!Double.isFinite(norm)) {
            // A rare non-finite gradient (seen intermittently in libtorch's CPU backward here): drop
            // this batch rather than poison the weights and the moments.
            zeroGradients();
            return norm;
        }
        float scale = clipNorm > 0 && norm > clipNorm ? (float) (clipNorm / norm) : 1f;
        double bc1 = 1 - Math.pow(B1, t);
        double bc2 = 1 - Math.pow(B2, t);
        for (Map.Entry<String, NDArray> e : params.asMap().entrySet()) {
            NDArray p = e.getValue();
            NDArray mm = m.get(e.getKey());
            NDArray vv = v.get(e.getKey());
            try (NDArray g = p.getGradient()) {
                if (scale != 1f) {
                    g.muli(scale);
                }
                try (NDArray gs = g.mul((float) (1 - B1))) {
                    mm.muli((float) B1).addi(gs);
                }
                try (NDArray g2 = g.square()) {
                    g2.muli((float) (1 - B2));
                    vv.muli((float) B2).addi(g2);
                }
                try (NDArray denom = vv.sqrt()) {
                    denom.muli((float) (1 / Math.sqrt(bc2))).addi((float) EPS);
                    try (NDArray upd = mm.div(denom)) {
                        upd.muli((float) (lr / bc1));
                        if (weightDecay > 0 && p.getShape().dimension() > 1) {
                            // Decay matrices and kernels only, not biases, norms or the codebook-like vectors.
                            p.muli((float) (1 - lr * weightDecay));
                        }
                        p.subi(upd);
                    }
                }
                g.subi(g);
            }
        }
        return norm;
    }
}
