package org.g2d2.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A prior trained on a fixed context of tokens, applied to a larger grid: the context prior is
 * evaluated on overlapping windows ({@link PriorWindows}), batched, and each token gets the
 * weighted geometric mean of the predictions of the windows that cover it, renormalised. The
 * KL term of the sampler then stays per token, as on one window.
 *
 * <p>When the grid is the context itself, the context prior is called unchanged, so results on
 * images of the pack's own size are exactly those of the prior alone.
 */
public final class WindowedPrior implements TokenPrior {

    /** Windows per forward pass of the context prior (bounds the memory of one pass). */
    static final int WINDOWS_PER_PASS = 64;

    private final TokenPrior context;
    private final PriorWindows windows;
    private final int codebookSize;
    private final List<PriorWindows.Origin> origins;
    /** For slot s and token n: the row of the stacked window outputs that covers n (or 0 with weight 0). */
    private final long[][] sources;
    /** For slot s and token n: the normalised weight of that window's prediction. */
    private final float[][] weights;

    public WindowedPrior(TokenPrior context, PriorWindows windows, int codebookSize) {
        this.context = context;
        this.windows = windows;
        this.codebookSize = codebookSize;
        this.origins = windows.origins();
        int gridLength = windows.gridHeight() * windows.gridWidth();
        int contextLength = windows.contextHeight() * windows.contextWidth();
        float[] windowWeights = windows.weights();
        int[] cover = new int[gridLength];
        forEachCover((b, p, n) -> cover[n]++);
        int slots = 0;
        for (int c : cover) {
            slots = Math.max(slots, c);
        }
        this.sources = new long[slots][gridLength];
        this.weights = new float[slots][gridLength];
        float[] total = new float[gridLength];
        int[] filled = new int[gridLength];
        forEachCover((b, p, n) -> {
            int s = filled[n]++;
            sources[s][n] = (long) b * contextLength + p;
            weights[s][n] = windowWeights[p];
            total[n] += windowWeights[p];
        });
        for (float[] slot : weights) {
            for (int n = 0; n < gridLength; n++) {
                slot[n] /= total[n];
            }
        }
    }

    public PriorWindows windows() {
        return windows;
    }

    @Override
    public NDArray logProbs(NDManager manager, int[] tokens, int t) {
        if (windows.single()) {
            return context.logProbs(manager, tokens, t);
        }
        int gridLength = windows.gridHeight() * windows.gridWidth();
        if (tokens.length != gridLength) {
            throw new IllegalArgumentException("windowed prior expects " + gridLength + " tokens; found "
                    + tokens.length);
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDArray stacked = windowPredictions(scratch, tokens, t);   // (windows · context, K)
            // Σ_s w_s(n) · log p̃_s(z0 | z_t): the log of the weighted geometric mean, then renormalised
            NDArray mean = null;
            for (int s = 0; s < sources.length; s++) {
                NDArray rows = stacked.get(scratch.create(sources[s]));
                NDArray term = rows.mul(scratch.create(weights[s], new Shape(gridLength, 1)));
                mean = mean == null ? term : mean.addi(term);
            }
            NDArray out = mean.logSoftmax(1);
            out.attach(manager);
            return out;
        }
    }

    /** Every window's prediction, stacked to (windows · context length, K). */
    private NDArray windowPredictions(NDManager manager, int[] tokens, int t) {
        int ch = windows.contextHeight();
        int cw = windows.contextWidth();
        int width = windows.gridWidth();
        NDList parts = new NDList();
        for (int first = 0; first < origins.size(); first += WINDOWS_PER_PASS) {
            int count = Math.min(WINDOWS_PER_PASS, origins.size() - first);
            int[] ids = new int[count * ch * cw];
            int[] times = new int[count];
            for (int b = 0; b < count; b++) {
                PriorWindows.Origin o = origins.get(first + b);
                for (int i = 0; i < ch; i++) {
                    System.arraycopy(tokens, (o.row() + i) * width + o.col(), ids, (b * ch + i) * cw, cw);
                }
                times[b] = t;
            }
            parts.add(context.logProbsBatch(manager, ids, times).reshape(-1, codebookSize));
        }
        return parts.size() == 1 ? parts.head() : NDArrays.concat(parts, 0);
    }

    private interface Cover {
        void at(int window, int positionInWindow, int token);
    }

    private void forEachCover(Cover cover) {
        int ch = windows.contextHeight();
        int cw = windows.contextWidth();
        for (int b = 0; b < origins.size(); b++) {
            PriorWindows.Origin o = origins.get(b);
            for (int i = 0; i < ch; i++) {
                for (int j = 0; j < cw; j++) {
                    cover.at(b, i * cw + j, (o.row() + i) * windows.gridWidth() + o.col() + j);
                }
            }
        }
    }

    @Override
    public int maskId() {
        return context.maskId();
    }
}
