package org.g2d2.core.sampler;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.model.TokenDecoder;
import org.g2d2.core.model.TokenGrid;
import org.g2d2.core.model.TokenPrior;
import org.g2d2.core.schedule.MaskSchedule;
import org.g2d2.core.schedule.NoiseProcess;

/**
 * Gradient-guided discrete diffusion (G2D2, Murata et al.): at each time t a categorical
 * distribution q(z0) = Cat(softmax(α)) is fitted to balance the prior p̃(z0 | z_t) against the
 * measurement through a Gumbel-softmax relaxation, then z0 is drawn from it and noised again to
 * the next time. {@link #resume} is the algorithm of DESIGN.md unrolled; {@link #run} starts it at
 * t = T, and a branch starts it from a {@link SamplerState} taken after step k.
 *
 * <p>Only one run may execute at a time per JVM (DJL has a single gradient collector).
 */
public final class G2D2Sampler {

    /** ℓ_p is clamped below at this value so that α − ℓ_p stays finite. */
    static final float LOG_PROB_FLOOR = -70f;

    private final TokenPrior prior;
    private final TokenDecoder decoder;
    private final TokenGrid grid;
    private final MaskSchedule schedule;

    public G2D2Sampler(TokenPrior prior, TokenDecoder decoder, TokenGrid grid, MaskSchedule schedule) {
        this.prior = prior;
        this.decoder = decoder;
        this.grid = grid;
        this.schedule = schedule;
    }

    /**
     * Restores y.
     *
     * @param parent the manager (on the model's device) the run's arrays are scoped under; nothing
     *     is left in it afterwards
     * @param cancelled polled every iteration; when true the run stops with {@link CancellationException}
     */
    public SamplerResult run(NDManager parent, InverseProblem problem, SamplerSettings settings,
                             SamplerListener listener, BooleanSupplier cancelled) {
        return resume(parent, problem, settings, null, listener, cancelled);
    }

    /**
     * Runs the steps after {@code from} — a branch of the run it was taken from — or, with
     * {@code from} null, the whole run. A branch keeps N (the time grid depends on it); its other
     * settings may differ. With the seed of {@code from} the draws go on exactly where that run's
     * stopped, so unchanged settings give that run's remaining frames bit for bit; with another
     * seed the generators are seeded afresh at step k.
     */
    public SamplerResult resume(NDManager parent, InverseProblem problem, SamplerSettings settings, SamplerState from,
                                SamplerListener listener, BooleanSupplier cancelled) {
        final int steps = settings.steps();
        final int length = grid.length();
        final int codes = grid.codebookSize();
        final int maskId = grid.maskId();
        requireFits(from, steps, length, codes);
        final int[] times = schedule.timesteps(steps);
        final NoiseProcess process = NoiseProcess.of(settings.process(), schedule);
        final StepSchedule perStep = new StepSchedule(settings);
        final double topMass = process.truncatesDraw() ? settings.topMass() : 1.0;
        final float invTemperature = (float) (1 / settings.temperature());
        final Shape logitShape = new Shape(length, codes);
        final boolean previews = listener.wantsPreviews();
        final boolean states = listener.wantsStates();
        final long start = System.nanoTime();
        long tPrior = 0;
        long tGuidance = 0;
        long tOptimiser = 0;
        long tSampling = 0;
        long tFrames = 0;

        // the same seed continues both streams where step k left them; another seed starts them afresh
        final SplitMix64 rng;
        final GumbelNoise gumbel;
        if (from != null && from.seed() == settings.seed()) {
            rng = SplitMix64.resumed(from.draws());
            gumbel = new GumbelNoise(SplitMix64.resumed(from.gumbel()), logitShape);
        } else {
            rng = new SplitMix64(settings.seed());
            gumbel = new GumbelNoise(rng.split().nextLong(), logitShape);
        }

        int[] z = new int[length];
        Arrays.fill(z, maskId);                                  // z_{t_N}: every token masked
        int first = 0;
        if (from != null) {
            z = from.tokens().clone();                            // z_t after step k
            first = from.step();
        }
        NDArray alphaPrev = null;
        TorchRuntime.gradientsOffOnThisThread();               // only the collector's block is recorded

        try (NDManager run = parent.newSubManager()) {
            NDArray y = problem.measurement().toNDArray(run);
            NDArray codebook = decoder.codebook();
            if (from != null) {
                alphaPrev = run.create(from.alpha(), logitShape);
            }
            for (int j = first; j < steps; j++) {
                int t = times[j];
                int s = times[j + 1];
                try (NDManager step = run.newSubManager()) {
                    if (alphaPrev != null) {
                        alphaPrev.attach(step);                         // α_prev lives as long as this step
                    }
                    // 1. prior: ℓ_p = log p̃(z0 | z_t), clamped below
                    long mark = System.nanoTime();
                    NDArray logPrior = prior.logProbs(step, z, t).maximum(LOG_PROB_FLOOR);
                    tPrior += System.nanoTime() - mark;

                    // 2. initialise α: the prior at the first step, then forget-coefficient mixing
                    mark = System.nanoTime();
                    float forget = (float) settings.forget();
                    NDArray alpha = (j == 0 ? logPrior : logPrior.mul(forget).addi(alphaPrev.mul(1 - forget)))
                            .logSoftmax(1);

                    // 3. M iterations of RAdam on α with the Gumbel-softmax relaxation (a fresh optimiser)
                    RAdam optimiser = RAdam.withDefaults();
                    NDList likelihoodLosses = new NDList(settings.iterations());
                    NDList klLosses = new NDList(settings.iterations());
                    double klWeight = perStep.kl(j);
                    tOptimiser += System.nanoTime() - mark;
                    for (int m = 0; m < settings.iterations(); m++) {
                        if (cancelled.getAsBoolean()) {
                            throw new CancellationException("cancelled at step " + (j + 1) + " of " + steps
                                    + ", iteration " + (m + 1));
                        }
                        mark = System.nanoTime();
                        try (NDManager iteration = step.newSubManager()) {
                            // g = −log(−log(u + 1e−30) + 1e−30), u ~ U(0, 1), fresh each iteration
                            NDArray g = gumbel.next(iteration);
                            // α ← α − logsumexp_k(α), taken here rather than after the update: both terms'
                            // gradients are unchanged by a per-row shift, so the iterates are the same and the
                            // normalised copy is the leaf of the graph (one array operation fewer per iteration)
                            NDArray a = alpha.logSoftmax(1);
                            a.attach(iteration);
                            a.setRequiresGradient(true);
                            long afterNoise = System.nanoTime();
                            tOptimiser += afterNoise - mark;
                            NDArray likelihood;
                            NDArray kl;
                            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                                // π = softmax((α + g)/τ); x̂ = D(πᵀC)
                                NDArray logits = a.add(g);
                                NDArray pi = (invTemperature == 1f ? logits : logits.muli(invTemperature)).softmax(1);
                                NDArray xHat = decoder.decode(toGrid(pi.matMul(codebook)));
                                // ‖y − A(x̂)‖₂, not squared
                                likelihood = problem.misfit(problem.operator().apply(xHat).sub(y));
                                // Σ softmax(α)·(α − ℓ_p): KL(q‖p̃) as α stays log-normalised
                                kl = a.softmax(1).mul(a.sub(logPrior)).sum();
                                collector.backward(likelihood.add(kl.mul((float) klWeight)));
                            }
                            // read once per step: a read per iteration would stall a GPU each time
                            likelihoodLosses.add(keep(likelihood, step));
                            klLosses.add(keep(kl, step));
                            NDArray grad = a.getGradient();
                            mark = System.nanoTime();
                            tGuidance += mark - afterNoise;
                            optimiser.step(alpha, grad, perStep.lr(j));
                            tOptimiser += System.nanoTime() - mark;
                        }
                    }

                    alpha.intern(alpha.logSoftmax(1));                   // log-normalised again
                    float[] likelihoodPerIteration = NDArrays.stack(likelihoodLosses).toFloatArray();
                    float[] klPerIteration = NDArrays.stack(klLosses).toFloatArray();

                    // 4. draw z0 ~ Cat(softmax(α)) (truncated for the star-shaped process), then z_s
                    mark = System.nanoTime();
                    float[] alphaHost = alpha.toFloatArray();
                    int[] z0 = Categorical.draw(alphaHost, codes, topMass, rng);
                    int[] next = process.step(z, t, s, z0, maskId, rng);
                    alpha.attach(run);
                    alphaPrev = alpha;
                    tSampling += System.nanoTime() - mark;

                    // 5. report a frame
                    mark = System.nanoTime();
                    Image preview = null;
                    Image predicted = null;
                    if (previews) {
                        NDArray x = decodeTokens(step, Categorical.argmax(alphaHost, codes));
                        preview = Image.of(x);
                        predicted = Image.of(problem.operator().apply(x));
                    }
                    SamplerState resumable = states && j + 1 < steps
                            ? new SamplerState(j + 1, steps, settings.seed(), next, alphaHost, rng.state(), gumbel.state())
                            : null;
                    listener.onFrame(frame(j, steps, t, s, preview, predicted, z, next, likelihoodPerIteration,
                            klPerIteration, klWeight, perStep.lr(j), System.nanoTime() - start, resumable));
                    tFrames += System.nanoTime() - mark;
                    z = next;
                }
            }
            // the result: D(C[z_{t_0}])
            Image result = Image.of(decodeTokens(run, z));
            return new SamplerResult(result, z,
                    new SamplerResult.Timings(tPrior, tGuidance, tOptimiser, tSampling, tFrames,
                            System.nanoTime() - start));
        }
    }

    /** Refuses a state from a run of another N or another token grid, naming both. */
    private static void requireFits(SamplerState from, int steps, int length, int codes) {
        if (from == null) {
            return;
        }
        if (from.steps() != steps) {
            throw new InvalidInputException("a branch keeps the step count of the run it branches from (N = "
                    + from.steps() + "); found steps " + steps);
        }
        if (from.tokens().length != length || from.codes() != codes) {
            throw new InvalidInputException("the saved state has " + from.tokens().length + " tokens of "
                    + from.codes() + " codes; this image's grid has " + length + " of " + codes);
        }
    }

    /** A loss value, detached from its graph and moved to {@code manager}. */
    private static NDArray keep(NDArray loss, NDManager manager) {
        NDArray value = loss.stopGradient();
        value.attach(manager);
        return value;
    }

    /** D(C[tokens]) for a full token grid; the array belongs to {@code manager}. */
    public NDArray decodeTokens(NDManager manager, int[] tokens) {
        NDArray oneHot = manager.create(tokens).oneHot(grid.codebookSize());
        return decoder.decode(toGrid(oneHot.matMul(decoder.codebook())));
    }

    /** (L, d) embeddings to the decoder's (1, d, h, w) grid. */
    private NDArray toGrid(NDArray embeddings) {
        return embeddings.reshape(1, grid.height(), grid.width(), grid.embeddingDim()).transpose(0, 3, 1, 2);
    }

    private Frame frame(int j, int steps, int t, int s, Image preview, Image predicted, int[] before, int[] after,
                        float[] likelihood, float[] kl, double klWeight, double lr, long elapsed,
                        SamplerState resumable) {
        int maskId = grid.maskId();
        int committed = 0;
        int remasked = 0;
        int changed = 0;
        for (int n = 0; n < after.length; n++) {
            boolean wasMasked = before[n] == maskId;
            if (after[n] != maskId) {
                committed++;
                if (!wasMasked && before[n] != after[n]) {
                    changed++;
                }
            } else if (!wasMasked) {
                remasked++;
            }
        }
        return new Frame(j, steps, t, s, preview, predicted, before, after, maskId, committed, remasked, changed,
                likelihood, kl, klWeight, lr, elapsed, resumable);
    }
}
