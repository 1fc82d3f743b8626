package org.g2d2.core.model;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.g2d2.core.InvalidInputException;

/**
 * How a token grid larger than the prior's context is covered by overlapping context-sized
 * windows: their top-left corners (every {@code stride} tokens, the last one flush with the edge)
 * and the weight each window gives its tokens when the windows' predictions are combined.
 *
 * @param gridHeight the image's token rows (at least the context's)
 * @param gridWidth the image's token columns (at least the context's)
 * @param contextHeight the prior's trained token rows
 * @param contextWidth the prior's trained token columns
 * @param settings stride and taper
 */
public record PriorWindows(int gridHeight, int gridWidth, int contextHeight, int contextWidth, Settings settings) {

    /** How the weight of a token falls off towards its window's border. */
    public enum Taper {
        /** Every token of a window counts the same. */
        FLAT,
        /** Weight grows linearly from the border to the centre (1, 2, ..., then back down). */
        TRIANGULAR;

        static Taper parse(String s) {
            for (Taper t : values()) {
                if (t.name().equalsIgnoreCase(s)) {
                    return t;
                }
            }
            throw new InvalidInputException("prior window taper '" + s + "' is unknown; allowed: flat, triangular");
        }
    }

    /**
     * The likelihood is a plain norm over the whole measurement: for the same error per pixel its
     * gradient per pixel shrinks as 1/√m while the KL term's per token does not, so on a larger
     * image the prior would weigh more than the presets intend.
     */
    public enum Balance {
        /** The paper's plain norm and λ as given (the prior gains weight with the size). */
        NONE,
        /** The plain norm, λ scaled by √(pack pixels / image pixels). */
        KL,
        /** The sum of the norms of pack-sized blocks of y: each block weighs as one pack-sized image. */
        BLOCKS;

        static Balance parse(String s) {
            for (Balance b : values()) {
                if (b.name().equalsIgnoreCase(s)) {
                    return b;
                }
            }
            throw new InvalidInputException("balance '" + s + "' is unknown; allowed: none, kl, blocks");
        }
    }

    /**
     * Windowing settings of a pack ({@code architecture.priorWindows} in model.json).
     *
     * @param stride tokens between window origins; 0 means half the context
     * @param taper the weight profile inside a window
     * @param balance how the likelihood of an image larger than the pack's keeps the balance with the
     *     per-token KL term that the presets were tuned for
     */
    public record Settings(int stride, Taper taper, Balance balance) {

        /** Half-context stride, triangular taper, λ scaled (the best of those measured on Fashion mosaics). */
        public static final Settings DEFAULT = new Settings(0, Taper.TRIANGULAR, Balance.KL);

        public Settings {
            if (stride < 0) {
                throw new InvalidInputException("prior window stride must be 0 (half the context) or positive; found "
                        + stride);
            }
            if (balance == null) {
                throw new InvalidInputException("balance is missing; allowed: none, kl, blocks");
            }
            if (taper == null) {
                throw new InvalidInputException("prior window taper is missing; allowed: flat, triangular");
            }
        }

        /** Reads {@code {"stride": 4, "taper": "triangular", "balance": "kl"}}; a missing object or key keeps the default. */
        public static Settings fromJson(JsonObject o) {
            if (o == null) {
                return DEFAULT;
            }
            int stride = o.has("stride") ? o.get("stride").getAsInt() : DEFAULT.stride();
            Taper taper = o.has("taper") ? Taper.parse(o.get("taper").getAsString()) : DEFAULT.taper();
            Balance balance = o.has("balance") ? Balance.parse(o.get("balance").getAsString()) : DEFAULT.balance();
            return new Settings(stride, taper, balance);
        }

        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("stride", stride);
            o.addProperty("taper", taper.name().toLowerCase(Locale.ROOT));
            o.addProperty("balance", balance.name().toLowerCase(Locale.ROOT));
            return o;
        }
    }

    /** A window's top-left token. */
    public record Origin(int row, int col) {
    }

    public PriorWindows {
        if (contextHeight < 1 || contextWidth < 1 || gridHeight < contextHeight || gridWidth < contextWidth) {
            throw new IllegalArgumentException("a " + gridHeight + "x" + gridWidth + " token grid cannot hold "
                    + contextHeight + "x" + contextWidth + " windows");
        }
    }

    /** Whether one window is the whole grid (the prior is then used exactly as trained). */
    public boolean single() {
        return gridHeight == contextHeight && gridWidth == contextWidth;
    }

    public List<Origin> origins() {
        List<Origin> out = new ArrayList<>();
        for (int r : starts(gridHeight, contextHeight)) {
            for (int c : starts(gridWidth, contextWidth)) {
                out.add(new Origin(r, c));
            }
        }
        return out;
    }

    public int count() {
        return starts(gridHeight, contextHeight).length * starts(gridWidth, contextWidth).length;
    }

    /** The weight of each token of a window, row-major over the context; all positive. */
    public float[] weights() {
        float[] rows = profile(contextHeight);
        float[] cols = profile(contextWidth);
        float[] w = new float[contextHeight * contextWidth];
        for (int i = 0; i < contextHeight; i++) {
            for (int j = 0; j < contextWidth; j++) {
                w[i * contextWidth + j] = rows[i] * cols[j];
            }
        }
        return w;
    }

    private float[] profile(int n) {
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = settings.taper() == Taper.FLAT ? 1f : Math.min(i, n - 1 - i) + 1f;
        }
        return p;
    }

    /** Window starts along one axis: 0, stride, 2·stride, ..., and one flush with the end. */
    private int[] starts(int size, int window) {
        int stride = settings.stride() == 0 ? Math.max(1, window / 2) : Math.min(settings.stride(), window);
        List<Integer> s = new ArrayList<>();
        for (int p = 0; p + window < size; p += stride) {
            s.add(p);
        }
        s.add(size - window);
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
