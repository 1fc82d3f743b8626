package org.g2d2.core.schedule;

import java.util.random.RandomGenerator;

/**
 * How the sampler moves from z_t to z_s (s &lt; t) given a draw z0 from the variational
 * distribution. Tokens are code ids with {@code maskId} marking a masked position.
 */
public interface NoiseProcess {

    /** Whether z0 is drawn from the truncated distribution (top mass 0.95) before {@link #step}. */
    boolean truncatesDraw();

    /**
     * @param zt the current state z_t
     * @param z0 a draw of the clean tokens
     * @return the next state z_s (z0 itself when s = 0)
     */
    int[] step(int[] zt, int t, int s, int[] z0, int maskId, RandomGenerator rng);

    /** "star" or "markov". */
    String name();

    /** The process of that name over a schedule. */
    static NoiseProcess of(String name, MaskSchedule schedule) {
        return switch (name) {
            case "star" -> new StarShapedProcess(schedule);
            case "markov" -> new MarkovAbsorbingProcess(schedule);
            default -> throw new org.g2d2.core.InvalidInputException(
                    "noise process '" + name + "' is unknown; allowed: star, markov");
        };
    }
}
