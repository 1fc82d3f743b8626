package org.g2d2.core.sampler;

import org.g2d2.core.Image;

/**
 * What one sampler step reports: the decoded preview, the token states before and after, how
 * many tokens were committed, re-masked and changed, and the losses of every iteration.
 *
 * @param index j, 0 for the first step executed (t = T)
 * @param steps N
 * @param t the time this step started from
 * @param s the time of the new state
 * @param preview D(C[argmax α]), or null when the listener wants no previews
 * @param predictedMeasurement A(preview), or null with the preview
 * @param previous z_t
 * @param state z_s, the new state
 * @param maskId the id marking a masked token in the states
 * @param committed tokens unmasked in the new state
 * @param remasked tokens unmasked in z_t and masked in z_s
 * @param changed tokens unmasked in both with a different code
 * @param likelihoodLosses ‖y − A(x̂)‖ per iteration
 * @param klLosses KL(q‖p̃) per iteration (before weighting)
 * @param klWeight λ_j of this step
 * @param learningRate lr_j of this step
 * @param elapsedNanos time since the run started
 * @param resumable the state after this step, to branch from; null unless the listener
 *     {@linkplain SamplerListener#wantsStates() wants states} (and after the last step)
 */
public record Frame(
        int index,
        int steps,
        int t,
        int s,
        Image preview,
        Image predictedMeasurement,
        int[] previous,
        int[] state,
        int maskId,
        int committed,
        int remasked,
        int changed,
        float[] likelihoodLosses,
        float[] klLosses,
        double klWeight,
        double learningRate,
        long elapsedNanos,
        SamplerState resumable) {

    /** A frame without a state to branch from. */
    public Frame(int index, int steps, int t, int s, Image preview, Image predictedMeasurement, int[] previous,
                 int[] state, int maskId, int committed, int remasked, int changed, float[] likelihoodLosses,
                 float[] klLosses, double klWeight, double learningRate, long elapsedNanos) {
        this(index, steps, t, s, preview, predictedMeasurement, previous, state, maskId, committed, remasked, changed,
                likelihoodLosses, klLosses, klWeight, learningRate, elapsedNanos, null);
    }

    /** How each token changed from z_t to z_s, for a mask map. */
    public enum TokenState { MASKED, COMMITTED, NEWLY_COMMITTED, REMASKED, CHANGED }

    public TokenState tokenState(int n) {
        boolean wasMasked = previous[n] == maskId;
        boolean isMasked = state[n] == maskId;
        if (isMasked) {
            return wasMasked ? TokenState.MASKED : TokenState.REMASKED;
        }
        if (wasMasked) {
            return TokenState.NEWLY_COMMITTED;
        }
        return previous[n] == state[n] ? TokenState.COMMITTED : TokenState.CHANGED;
    }

    /** The same frame with other images (e.g. the preview recoloured for display). */
    public Frame withImages(Image newPreview, Image newPredictedMeasurement) {
        return new Frame(index, steps, t, s, newPreview, newPredictedMeasurement, previous, state, maskId, committed,
                remasked, changed, likelihoodLosses, klLosses, klWeight, learningRate, elapsedNanos, resumable);
    }

    /** Fraction of the run done after this frame. */
    public double progress() {
        return (index + 1.0) / steps;
    }
}
