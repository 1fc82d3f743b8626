package org.g2d2.core.operator;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Locale;
import org.g2d2.core.InvalidInputException;

/**
 * A blur kernel k for A x = k ∗ x, validated and normalised on creation: odd sides up to
 * {@link #MAX_SIDE}, non-negative weights that sum to one.
 *
 * @param name where it came from (a file name, or a generated kernel's description)
 * @param height odd rows
 * @param width odd columns
 * @param weights row-major, summing to one
 */
public record ConvolutionKernel(String name, int height, int width, float[] weights) {

    /** The largest side of a kernel, in pixels. */
    public static final int MAX_SIDE = 63;

    public ConvolutionKernel {
        if (height < 1 || width < 1 || weights == null || weights.length == 0) {
            throw new InvalidInputException("kernel '" + name + "' is empty; a kernel needs at least one weight");
        }
        if (height % 2 == 0 || width % 2 == 0) {
            throw new InvalidInputException("kernel '" + name + "' is " + width + "x" + height
                    + "; its sides must be odd (so that it has a centre)");
        }
        if (height > MAX_SIDE || width > MAX_SIDE) {
            throw new InvalidInputException("kernel '" + name + "' is " + width + "x" + height + "; at most " + MAX_SIDE
                    + "x" + MAX_SIDE + " is allowed");
        }
        if (weights.length != height * width) {
            throw new InvalidInputException("kernel '" + name + "' has " + weights.length + " weights; a " + width + "x"
                    + height + " kernel needs " + height * width);
        }
        double sum = 0;
        for (float v : weights) {
            if (!Float.isFinite(v) || v < 0) {
                throw new InvalidInputException("kernel '" + name + "' has a weight " + v
                        + "; weights must be finite and not negative");
            }
            sum += v;
        }
        if (sum <= 0) {
            throw new InvalidInputException("kernel '" + name + "' is all zero; it needs a positive weight");
        }
        float[] normalised = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            normalised[i] = (float) (weights[i] / sum);
        }
        weights = normalised;
    }

    public float at(int row, int col) {
        return weights[row * width + col];
    }

    public String describe() {
        return String.format(Locale.ROOT, "kernel %s %dx%d", name, width, height);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.addProperty("height", height);
        o.addProperty("width", width);
        JsonArray w = new JsonArray();
        for (float v : weights) {
            w.add(v);
        }
        o.add("weights", w);
        return o;
    }

    public static ConvolutionKernel fromJson(JsonObject o) {
        JsonArray a = o.getAsJsonArray("weights");
        float[] w = new float[a.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = a.get(i).getAsFloat();
        }
        return new ConvolutionKernel(o.get("name").getAsString(), o.get("height").getAsInt(), o.get("width").getAsInt(),
                w);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConvolutionKernel k && k.name.equals(name) && k.height == height && k.width == width
                && java.util.Arrays.equals(k.weights, weights);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, height, width, java.util.Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return describe();
    }
}
