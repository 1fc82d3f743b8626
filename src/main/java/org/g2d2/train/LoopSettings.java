package org.g2d2.train;

import com.google.gson.JsonObject;
import org.g2d2.core.InvalidInputException;

/**
 * Common training-loop settings.
 *
 * @param steps total optimiser steps
 * @param lr peak learning rate (linear warm-up, then cosine decay to 10 %)
 * @param warmup warm-up steps
 * @param weightDecay decoupled weight decay on matrices and kernels
 * @param clipNorm global gradient-norm clip (0: none)
 * @param checkpointSeconds how often a checkpoint is written
 * @param seed seeds the initial weights, the batch order and every random draw
 */
public record LoopSettings(long steps, double lr, long warmup, double weightDecay, double clipNorm,
                           double checkpointSeconds, long seed) {

    public LoopSettings {
        if (steps < 1 || lr <= 0 || warmup < 0 || weightDecay < 0 || clipNorm < 0 || checkpointSeconds <= 0) {
            throw new InvalidInputException("training settings out of range: steps >= 1, lr > 0, warmup >= 0, "
                    + "weight decay >= 0, clip >= 0, checkpoint interval > 0 are allowed; found " + this);
        }
    }

    double lrAt(long step) {
        if (step < warmup) {
            return lr * (step + 1) / warmup;
        }
        double u = (double) (step - warmup) / Math.max(1, steps - warmup);
        return lr * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, u))));
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("steps", steps);
        o.addProperty("lr", lr);
        o.addProperty("warmup", warmup);
        o.addProperty("weightDecay", weightDecay);
        o.addProperty("clipNorm", clipNorm);
        o.addProperty("seed", seed);
        return o;
    }
}
