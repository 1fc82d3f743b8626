package org.g2d2.core.schedule;

import org.g2d2.core.InvalidInputException;

/**
 * γ̄(t): the probability that a token is masked at diffusion time t, with γ̄(0) = 0 and
 * γ̄(T) = 1 over T = {@link #trainSteps()} steps. The table is computed once.
 */
public final class MaskSchedule {

    private final String type;
    private final double[] gammaBar;

    private MaskSchedule(String type, int trainSteps) {
        this.type = type;
        this.gammaBar = new double[trainSteps + 1];
        for (int t = 0; t <= trainSteps; t++) {
            double u = (double) t / trainSteps;
            gammaBar[t] = switch (type) {
                case "linear" -> u;
                case "cosine" -> 1 - Math.cos(0.5 * Math.PI * u);
                default -> throw new IllegalStateException(type);
            };
        }
        gammaBar[0] = 0;
        gammaBar[trainSteps] = 1;
    }

    /** @param type "linear" (γ̄ = t/T) or "cosine" (γ̄ = 1 − cos(π t / 2T)) */
    public static MaskSchedule of(String type, int trainSteps) {
        if (!"linear".equals(type) && !"cosine".equals(type)) {
            throw new InvalidInputException("mask schedule '" + type + "' is unknown; allowed: linear, cosine");
        }
        if (trainSteps < 1) {
            throw new InvalidInputException("mask schedule needs at least 1 training step; found " + trainSteps);
        }
        return new MaskSchedule(type, trainSteps);
    }

    public String type() {
        return type;
    }

    /** T_train. */
    public int trainSteps() {
        return gammaBar.length - 1;
    }

    /** γ̄(t) for integer t in [0, T]. */
    public double gammaBar(int t) {
        return gammaBar[t];
    }

    /** How many of L tokens are masked at time t in the star-shaped process: round(L·γ̄(t)). */
    public int maskedCount(int length, int t) {
        return (int) Math.round(length * gammaBar[t]);
    }

    /**
     * The inference times t_N = T > t_{N−1} > … > t_0 = 0, evenly spaced and rounded.
     *
     * @return N + 1 times, from T down to 0
     */
    public int[] timesteps(int steps) {
        if (steps < 1 || steps > trainSteps()) {
            throw new InvalidInputException("steps must be between 1 and " + trainSteps() + " (T_train); found " + steps);
        }
        int[] fromT = new int[steps + 1];
        for (int j = 0; j <= steps; j++) {
            fromT[j] = (int) Math.round((double) (steps - j) * trainSteps() / steps);
        }
        return fromT;
    }
}
