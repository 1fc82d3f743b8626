package org.g2d2.core.operator;

import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.SplittableRandom;
import org.g2d2.core.InvalidInputException;

/**
 * How an inpainting mask is made: given (painted or loaded), or simulated from a seed.
 *
 * @param source where the mask comes from
 * @param amount the box's side in pixels, the fraction of pixels missing, or the number of scribbles
 * @param seed draws the simulated mask's positions
 * @param given the mask itself ({@link Source#GIVEN} only)
 */
public record MaskSpec(Source source, double amount, long seed, InpaintingMask given) {

    /** The kinds of mask. */
    public enum Source {
        GIVEN("given"), BOX("box"), RANDOM("random"), SCRIBBLES("scribbles");

        private final String id;

        Source(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Source parse(String s) {
            for (Source k : values()) {
                if (k.id.equalsIgnoreCase(s)) {
                    return k;
                }
            }
            throw new InvalidInputException("mask '" + s + "' is unknown; allowed: given, box, random, scribbles");
        }
    }

    public MaskSpec {
        if (source == null) {
            throw new InvalidInputException("the mask's source is missing; allowed: given, box, random, scribbles");
        }
        if (source == Source.GIVEN && given == null) {
            throw new InvalidInputException("a given mask needs its pixels");
        }
        switch (source) {
            case BOX -> requireRange(amount, 1, 1000, "box side", true);
            case RANDOM -> {
                if (!(amount > 0 && amount < 1)) {
                    throw new InvalidInputException("--mask-random is the fraction of pixels missing; it must be "
                            + "between 0 and 1 (exclusive); found " + amount);
                }
            }
            case SCRIBBLES -> requireRange(amount, 1, 100, "scribble count", true);
            case GIVEN -> { }
        }
    }

    private static void requireRange(double v, double lo, double hi, String what, boolean whole) {
        if (!(v >= lo && v <= hi) || (whole && v != Math.rint(v))) {
            throw new InvalidInputException(what + " must be a whole number from " + (int) lo + " to " + (int) hi
                    + "; found " + v);
        }
    }

    public static MaskSpec given(InpaintingMask mask) {
        return new MaskSpec(Source.GIVEN, 0, 0, mask);
    }

    public static MaskSpec box(int side, long seed) {
        return new MaskSpec(Source.BOX, side, seed, null);
    }

    public static MaskSpec random(double missing, long seed) {
        return new MaskSpec(Source.RANDOM, missing, seed, null);
    }

    public static MaskSpec scribbles(int strokes, long seed) {
        return new MaskSpec(Source.SCRIBBLES, strokes, seed, null);
    }

    /** The mask for an image of {@code height} × {@code width}. */
    public InpaintingMask realise(int height, int width) {
        SplittableRandom rng = new SplittableRandom(seed);
        return switch (source) {
            case GIVEN -> {
                if (given.height() != height || given.width() != width) {
                    throw new InvalidInputException("the mask is " + given.width() + "x" + given.height()
                            + "; it must be the image's size, " + width + "x" + height);
                }
                yield given;
            }
            case BOX -> InpaintingMask.box(height, width, (int) amount, rng);
            case RANDOM -> InpaintingMask.randomPixels(height, width, amount, rng);
            case SCRIBBLES -> InpaintingMask.scribbles(height, width, (int) amount, rng);
        };
    }

    /** A simulated mask drawn anew for image {@code index} of a test set; a given mask stays. */
    public MaskSpec forImage(int index) {
        return source == Source.GIVEN ? this
                : new MaskSpec(source, amount, seed * 0x9E3779B97F4A7C15L + 0x2545F4914F6CDD1DL * (index + 1L), null);
    }

    public String describe() {
        return switch (source) {
            case GIVEN -> "mask " + given.width() + "x" + given.height() + " (" + given.missingCount() + " missing)";
            case BOX -> String.format(Locale.ROOT, "box %dx%d hole (seed %d)", (int) amount, (int) amount, seed);
            case RANDOM -> String.format(Locale.ROOT, "%.0f%% random pixels missing (seed %d)", amount * 100, seed);
            case SCRIBBLES -> String.format(Locale.ROOT, "%d scribbles (seed %d)", (int) amount, seed);
        };
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("source", source.id());
        o.addProperty("amount", amount);
        o.addProperty("seed", seed);
        if (given != null) {
            o.addProperty("height", given.height());
            o.addProperty("width", given.width());
            o.addProperty("known", given.encode());
        }
        return o;
    }

    public static MaskSpec fromJson(JsonObject o) {
        Source s = Source.parse(o.get("source").getAsString());
        InpaintingMask m = s == Source.GIVEN ? InpaintingMask.decode(o.get("height").getAsInt(),
                o.get("width").getAsInt(), o.get("known").getAsString()) : null;
        return new MaskSpec(s, o.get("amount").getAsDouble(), o.get("seed").getAsLong(), m);
    }
}
