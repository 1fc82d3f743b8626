package org.g2d2.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.g2d2.core.model.nn.Params;

/** One model's training: its trainable parameters, extra state, and the loss of a step. */
interface TrainTask {

    /** Parameters the optimiser updates. */
    Params trainable();

    /** Every tensor the finished model needs (trainable or not, e.g. an EMA codebook). */
    default Params model() {
        return trainable();
    }

    /** State outside the model to checkpoint (e.g. EMA statistics); may be empty. */
    default Map<String, NDArray> extraState() {
        return Map.of();
    }

    /** Work for {@code step} before the gradient collector opens (no graph is recorded); may return null. */
    default StepLoss prepare(NDManager m, long step) {
        return null;
    }

    /** Builds the loss of {@code step} inside a gradient collector; arrays go to {@code m}. */
    StepLoss loss(NDManager m, long step, StepLoss prepared);

    /** Work after the optimiser update, outside the gradient collector (EMA updates). */
    default void afterUpdate(NDManager m, long step, StepLoss loss) {
    }

    /** The scalar loss and named figures to show on the progress line. */
    record StepLoss(NDArray loss, Map<String, NDArray> figures, Object carry) {
    }
}
