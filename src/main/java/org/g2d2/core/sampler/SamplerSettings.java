package org.g2d2.core.sampler;

import com.google.gson.JsonObject;
import java.util.Locale;
import org.g2d2.core.InvalidInputException;

/**
 * The G2D2 sampler's settings, validated on creation.
 *
 * @param steps N, inference steps (1 … T_train)
 * @param iterations M, optimiser iterations per step
 * @param kl λ, the KL coefficient
 * @param klDecay w_kl: λ_j = λ·10^{w_kl(1/2 − j/(N−1))}; 0 keeps λ constant
 * @param temperature τ of the Gumbel-softmax relaxation
 * @param lr RAdam learning rate on the logits α
 * @param lrDecay w_lr: lr_j = lr·10^{w_lr(1/2 − j/(N−1))}; 0 keeps lr constant
 * @param forget f: α = f·ℓ_p + (1 − f)·α_prev at each step after the first
 * @param process "star" (star-shaped, the default) or "markov" (absorbing, the ablation)
 * @param topMass the star-shaped draw keeps the most likely codes up to this cumulative mass
 * @param seed the seed of every random draw (Gumbel noise, z0 draws, mask positions)
 */
public record SamplerSettings(
        int steps,
        int iterations,
        double kl,
        double klDecay,
        double temperature,
        double lr,
        double lrDecay,
        double forget,
        String process,
        double topMass,
        long seed) {

    /** The paper's defaults for deblurring (N = 100, M = 30). */
    public static final SamplerSettings PAPER_BLUR =
            new SamplerSettings(100, 30, 3e-4, 2, 1.0, 15, 1, 0.3, "star", 0.95, 0);

    /** The paper's defaults for super-resolution (N = 100, M = 30, lr = 10 with w_lr = 2). */
    public static final SamplerSettings PAPER_SR =
            new SamplerSettings(100, 30, 3e-4, 2, 1.0, 10, 2, 0.3, "star", 0.95, 0);

    public SamplerSettings {
        check(steps >= 1 && steps <= 1000, "steps", steps, "an integer from 1 to 1000 (and at most the pack's T_train)");
        check(iterations >= 1 && iterations <= 1000, "iterations", iterations, "an integer from 1 to 1000");
        check(Double.isFinite(kl) && kl >= 0 && kl <= 1e6, "kl", kl, "a finite number in [0, 1e6]");
        check(Double.isFinite(klDecay) && Math.abs(klDecay) <= 10, "kl-decay", klDecay, "a number in [-10, 10]");
        check(Double.isFinite(temperature) && temperature >= 1e-3 && temperature <= 100, "temperature", temperature,
                "a number in [0.001, 100]");
        check(Double.isFinite(lr) && lr > 0 && lr <= 1e4, "lr", lr, "a number in (0, 10000]");
        check(Double.isFinite(lrDecay) && Math.abs(lrDecay) <= 10, "lr-decay", lrDecay, "a number in [-10, 10]");
        check(Double.isFinite(forget) && forget >= 0 && forget <= 1, "forget", forget, "a number in [0, 1]");
        check("star".equals(process) || "markov".equals(process), "process", process, "star or markov");
        check(Double.isFinite(topMass) && topMass > 0 && topMass <= 1, "top-mass", topMass, "a number in (0, 1]");
    }

    private static void check(boolean ok, String name, Object found, String allowed) {
        if (!ok) {
            throw new InvalidInputException(name + " must be " + allowed + "; found " + found);
        }
    }

    public SamplerSettings withSeed(long newSeed) {
        return new SamplerSettings(steps, iterations, kl, klDecay, temperature, lr, lrDecay, forget, process,
                topMass, newSeed);
    }

    public SamplerSettings withKl(double newKl) {
        return new SamplerSettings(steps, iterations, newKl, klDecay, temperature, lr, lrDecay, forget, process,
                topMass, seed);
    }

    public SamplerSettings withProcess(String newProcess) {
        return new SamplerSettings(steps, iterations, kl, klDecay, temperature, lr, lrDecay, forget, newProcess,
                topMass, seed);
    }

    public SamplerSettings withStepsAndIterations(int newSteps, int newIterations) {
        return new SamplerSettings(newSteps, newIterations, kl, klDecay, temperature, lr, lrDecay, forget, process,
                topMass, seed);
    }

    /** These settings with the fields present in {@code json} replaced (unknown keys are an error). */
    public SamplerSettings overriddenBy(JsonObject json) {
        JsonObject merged = toJson();
        for (String key : json.keySet()) {
            if (!merged.has(key)) {
                throw new InvalidInputException("sampler setting '" + key + "' is unknown; allowed: " + merged.keySet());
            }
            merged.add(key, json.get(key));
        }
        try {
            return new SamplerSettings(
                    merged.get("steps").getAsInt(), merged.get("iterations").getAsInt(),
                    merged.get("kl").getAsDouble(), merged.get("klDecay").getAsDouble(),
                    merged.get("temperature").getAsDouble(), merged.get("lr").getAsDouble(),
                    merged.get("lrDecay").getAsDouble(), merged.get("forget").getAsDouble(),
                    merged.get("process").getAsString(), merged.get("topMass").getAsDouble(),
                    merged.get("seed").getAsLong());
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
            throw new InvalidInputException("sampler settings " + json + " hold a value of the wrong type: "
                    + e.getMessage());
        }
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("steps", steps);
        o.addProperty("iterations", iterations);
        o.addProperty("kl", kl);
        o.addProperty("klDecay", klDecay);
        o.addProperty("temperature", temperature);
        o.addProperty("lr", lr);
        o.addProperty("lrDecay", lrDecay);
        o.addProperty("forget", forget);
        o.addProperty("process", process);
        o.addProperty("topMass", topMass);
        o.addProperty("seed", seed);
        return o;
    }

    /** One line for logs and titles. */
    public String summary() {
        return String.format(Locale.ROOT, "%s N=%d M=%d kl=%.2g(w=%.1f) tau=%.2f lr=%.3g(w=%.1f) f=%.2f seed=%d",
                process, steps, iterations, kl, klDecay, temperature, lr, lrDecay, forget, seed);
    }
}
