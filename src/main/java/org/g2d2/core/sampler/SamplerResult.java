package org.g2d2.core.sampler;

import org.g2d2.core.Image;

/**
 * The outcome of a run: the restored image D(C[z_{t_0}]), its tokens, and where the time went.
 */
public record SamplerResult(Image image, int[] tokens, Timings timings) {

    /** Wall time per part of the sampler, in nanoseconds. */
    public record Timings(long prior, long guidance, long optimiser, long sampling, long frames, long total) {

        /** Time not in any named part (setup, final decoding). */
        public long other() {
            return total - prior - guidance - optimiser - sampling - frames;
        }
    }
}
