package org.g2d2.core.eval;

import java.util.List;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.operator.MeasurementNoise;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerSettings;

/**
 * What an evaluation runs, validated on creation.
 *
 * @param operator the degradation A (any but the identity); a simulated inpainting mask is drawn anew per image
 * @param noiseSigma σ_y on the [−1, 1] scale
 * @param seeds S: each image is measured and restored with seeds sampler.seed() … sampler.seed() + S − 1
 *     (the seed draws the measurement noise and every random choice of the samplers)
 * @param sampler the G2D2 settings; the process is set per method (star, markov)
 * @param methods the methods to run, in table order; empty means all of {@link #methodsFor}
 */
public record EvalSettings(OperatorSpec operator, double noiseSigma, int seeds, SamplerSettings sampler,
                           List<String> methods) {

    public static final String G2D2_STAR = "g2d2-star";
    public static final String G2D2_MARKOV = "g2d2-markov";
    public static final String PRIOR_ONLY = "prior-only";

    public EvalSettings {
        MeasurementNoise.validate(noiseSigma);
        if (operator.kind() == OperatorSpec.Kind.IDENTITY) {
            throw new InvalidInputException("evaluation needs a blur, sr, kernel, inpaint or saturate task; found "
                    + "identity");
        }
        if (seeds < 1 || seeds > 1000) {
            throw new InvalidInputException("seeds must be from 1 to 1000; found " + seeds);
        }
        List<String> allowed = methodsFor(operator);
        methods = methods == null || methods.isEmpty() ? allowed : List.copyOf(methods);
        for (String m : methods) {
            if (!allowed.contains(m)) {
                throw new InvalidInputException("method '" + m + "' is not available for " + operator.describe()
                        + "; allowed: " + String.join(", ", allowed));
            }
        }
    }

    /** Every method for the task: the three diffusion-prior ones, then the task's classical baselines. */
    public static List<String> methodsFor(OperatorSpec operator) {
        return switch (operator.kind()) {
            case BLUR, KERNEL, SATURATE -> List.of(G2D2_STAR, G2D2_MARKOV, PRIOR_ONLY, "unrestored", "wiener",
                    "richardson-lucy");
            case SR, SR_BOX -> List.of(G2D2_STAR, G2D2_MARKOV, PRIOR_ONLY, "bicubic", "ibp");
            case INPAINT -> List.of(G2D2_STAR, G2D2_MARKOV, PRIOR_ONLY, "unrestored", "harmonic", "biharmonic");
            case IDENTITY -> List.of();
        };
    }

    /** The work of one restore by {@code method}, in decoder-pass units (for progress and ETA). */
    long cost(String method) {
        return switch (method) {
            case G2D2_STAR, G2D2_MARKOV -> (long) sampler.steps() * sampler.iterations();
            case PRIOR_ONLY -> sampler.steps();
            default -> 1;
        };
    }
}
