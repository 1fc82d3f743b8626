package org.g2d2.app.vm;

/**
 * The sampler settings a person edits as text, with the JSON key core uses, a label and a
 * one-sentence explanation for a student.
 */
public enum SamplerField {
    STEPS("steps", "Steps N", true,
            "How many denoising steps: each unmasks more tokens; more steps are slower but usually better."),
    ITERATIONS("iterations", "Iterations M", true,
            "How many gradient updates per step pull the token probabilities toward the measurement."),
    KL("kl", "KL weight \u03bb", false,
            "How strongly the result must stay close to what the prior believes; larger trusts the prior more."),
    KL_DECAY("klDecay", "KL decay w\u03bb", false,
            "How much the KL weight shrinks from the first to the last step (0 keeps it constant)."),
    TEMPERATURE("temperature", "Temperature \u03c4", false,
            "Softness of the Gumbel-softmax relaxation: low is close to hard tokens, high is smoother gradients."),
    LR("lr", "Learning rate", false,
            "Step size of the optimiser on the token logits; too large is unstable, too small ignores y."),
    LR_DECAY("lrDecay", "LR decay w", false,
            "How much the learning rate shrinks from the first to the last step (0 keeps it constant)."),
    FORGET("forget", "Forget f", false,
            "How much of the previous step's solution is replaced by the prior's fresh guess (0 keeps it all)."),
    TOP_MASS("topMass", "Top mass", false,
            "Tokens are drawn only from the most likely codes that together hold this share of probability."),
    SEED("seed", "Seed", true,
            "The number behind every random draw: the same seed and settings give the same result.");

    private final String key;
    private final String label;
    private final boolean whole;
    private final String help;

    SamplerField(String key, String label, boolean whole, String help) {
        this.key = key;
        this.label = label;
        this.whole = whole;
        this.help = help;
    }

    /** The key in {@code SamplerSettings.toJson()}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Whether the value is a whole number. */
    public boolean whole() {
        return whole;
    }

    public String help() {
        return help;
    }
}
