package org.g2d2.core.sampler;

/** Receives one frame per sampler step, on the sampler's thread. */
@FunctionalInterface
public interface SamplerListener {

    SamplerListener NONE = new SamplerListener() {
        @Override
        public void onFrame(Frame frame) {
        }

        @Override
        public boolean wantsPreviews() {
            return false;
        }
    };

    void onFrame(Frame frame);

    /** Whether frames should carry decoded previews (one extra decoder pass per step). */
    default boolean wantsPreviews() {
        return true;
    }

    /**
     * Whether frames should carry the {@link SamplerState} to branch from (a copy of α per step;
     * the sampler reads α to the host each step anyway, so no extra device work).
     */
    default boolean wantsStates() {
        return false;
    }
}
