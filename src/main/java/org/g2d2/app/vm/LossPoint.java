package org.g2d2.app.vm;

/** The two losses of one optimiser iteration, numbered across the whole run. */
public record LossPoint(int iteration, double likelihood, double kl) {
}
