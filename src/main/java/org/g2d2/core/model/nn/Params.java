package org.g2d2.core.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The named tensors of one network. Networks are plain functions of their {@code Params}, so the
 * same forward code serves training (parameters with gradients) and inference (loaded from a pack).
 */
public final class Params {

    private final Map<String, NDArray> tensors = new LinkedHashMap<>();

    /** Takes the tensors whose key starts with {@code prefix} (e.g. "decoder/"), dropping the prefix. */
    public static Params fromPack(Map<String, NDArray> weights, String prefix) {
        Params p = new Params();
        weights.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                p.put(k.substring(prefix.length()), v);
            }
        });
        if (p.tensors.isEmpty()) {
            throw new IllegalArgumentException("the pack has no tensors under '" + prefix + "'");
        }
        return p;
    }

    public NDArray get(String name) {
        NDArray a = tensors.get(name);
        if (a == null) {
            throw new IllegalArgumentException("missing tensor '" + name + "'; found " + tensors.keySet());
        }
        return a;
    }

    public boolean has(String name) {
        return tensors.containsKey(name);
    }

    public void put(String name, NDArray a) {
        a.setName(name);
        tensors.put(name, a);
    }

    public Map<String, NDArray> asMap() {
        return Collections.unmodifiableMap(tensors);
    }

    /** The tensors as a named list (what a safetensors file holds). */
    public NDList toList() {
        NDList list = new NDList();
        tensors.forEach((k, v) -> {
            v.setName(k);
            list.add(v);
        });
        return list;
    }

    /** The number of scalar parameters. */
    public long count() {
        return tensors.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    // ---- initialisation (seeded, generated in Java so runs repeat bit for bit) ----

    /** A tensor of N(0, std²) values. */
    public void normal(NDManager m, SplittableRandom rng, String name, double std, long... shape) {
        int n = (int) new Shape(shape).size();
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (gaussian(rng) * std);
        }
        put(name, m.create(v, new Shape(shape)));
    }

    public void constant(NDManager m, String name, float value, long... shape) {
        put(name, m.full(new Shape(shape), value));
    }

    /** A conv weight (out, in, k, k) with He-normal init scaled by {@code gain}, and a zero bias. */
    public void conv(NDManager m, SplittableRandom rng, String name, int out, int in, int k, double gain) {
        normal(m, rng, name + ".weight", gain * Math.sqrt(2.0 / (in * k * k)), out, in, k, k);
        constant(m, name + ".bias", 0f, out);
    }

    /** A linear weight (out, in) with std {@code std} (default 0.02 for transformers), zero bias. */
    public void linear(NDManager m, SplittableRandom rng, String name, int out, int in, double std) {
        normal(m, rng, name + ".weight", std, out, in);
        constant(m, name + ".bias", 0f, out);
    }

    public void layerNorm(NDManager m, String name, int dim) {
        constant(m, name + ".gamma", 1f, dim);
        constant(m, name + ".beta", 0f, dim);
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
