package org.g2d2.core.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.pooling.Pool;

/** Functional layers over {@link Params}: each takes its input and the layer's name. */
public final class Nn {

    private Nn() {
    }

    static NDArray conv(NDArray x, Params p, String name, int stride, int pad) {
        return Conv2d.conv2d(x, p.get(name + ".weight"), p.get(name + ".bias"),
                new Shape(stride, stride), new Shape(pad, pad)).singletonOrThrow();
    }

    static NDArray linear(NDArray x, Params p, String name) {
        return Linear.linear(x, p.get(name + ".weight"), p.get(name + ".bias")).singletonOrThrow();
    }

    static NDArray layerNorm(NDArray x, Params p, String name) {
        NDArray gamma = p.get(name + ".gamma");
        return LayerNorm.layerNorm(x, new Shape(gamma.getShape().get(0)), gamma, p.get(name + ".beta"), 1e-5f)
                .singletonOrThrow();
    }

    static NDArray maxPool2(NDArray x) {
        return Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
    }

    /** One-hot float32 rows (…, k) of integer ids; ids outside 0..k−1 give all-zero rows. */
    public static NDArray oneHot(NDArray ids, int k) {
        NDArray range = ids.getManager().arange(0, k, 1, ai.djl.ndarray.types.DataType.INT64);
        return ids.toType(ai.djl.ndarray.types.DataType.INT64, false).expandDims(-1).eq(range)
                .toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    }

    /**
     * A parameter brought into {@code like}'s manager with its gradient path intact (0 + p). An op's
     * result belongs to its first operand's manager, so starting from a parameter would pile
     * results up in the long-lived weights' manager.
     */
    public static NDArray use(NDArray param, NDArray like) {
        return like.getManager().zeros(param.getShape(), param.getDataType()).add(param);
    }

    static NDArray relu(NDArray x) {
        return Activation.relu(x);
    }

    static NDArray gelu(NDArray x) {
        return Activation.gelu(x);
    }
}
