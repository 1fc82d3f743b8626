package org.g2d2.core.operator;

import ai.djl.ndarray.NDManager;
import java.util.Locale;
import org.g2d2.core.InvalidInputException;

/**
 * The settings of a degradation, validated on creation: which operator and its parameters.
 *
 * @param kind blur, sr (antialiased bicubic downsampling), sr-box (box average) or identity
 * @param blurSigma Gaussian standard deviation in pixels (blur only)
 * @param blurSize odd kernel size in pixels (blur only)
 * @param scale downsampling factor, 2 or 4 (sr and sr-box only)
 */
public record OperatorSpec(Kind kind, double blurSigma, int blurSize, int scale) {

    /** The operator families. */
    public enum Kind {
        BLUR("blur"), SR("sr"), SR_BOX("sr-box"), IDENTITY("identity");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.id.equalsIgnoreCase(s)) {
                    return k;
                }
            }
            throw new InvalidInputException("operator '" + s + "' is unknown; allowed: blur, sr, sr-box, identity");
        }
    }

    public OperatorSpec {
        if (kind == null) {
            throw new InvalidInputException("operator is missing; allowed: blur, sr, sr-box, identity");
        }
        if (kind == Kind.BLUR) {
            if (!Double.isFinite(blurSigma) || blurSigma <= 0 || blurSigma > 50) {
                throw new InvalidInputException("blur sigma must be in (0, 50] pixels; found " + blurSigma);
            }
            if (blurSize < 1 || blurSize > 201 || blurSize % 2 == 0) {
                throw new InvalidInputException("blur size must be an odd number of pixels from 1 to 201; found "
                        + blurSize);
            }
        }
        if ((kind == Kind.SR || kind == Kind.SR_BOX) && scale != 2 && scale != 4) {
            throw new InvalidInputException("scale must be 2 or 4; found " + scale);
        }
    }

    public static OperatorSpec blur(double sigma, int size) {
        return new OperatorSpec(Kind.BLUR, sigma, size, 1);
    }

    public static OperatorSpec superResolution(int scale) {
        return new OperatorSpec(Kind.SR, 0, 0, scale);
    }

    public static OperatorSpec identity() {
        return new OperatorSpec(Kind.IDENTITY, 0, 0, 1);
    }

    /** Builds the operator for images of {@code height} × {@code width} on the manager's device. */
    public SeparableOperator create(NDManager manager, int height, int width) {
        return switch (kind) {
            case BLUR -> new SeparableOperator(manager,
                    ResamplingMatrices.gaussianBlur(height, blurSize, blurSigma), height, height,
                    ResamplingMatrices.gaussianBlur(width, blurSize, blurSigma), width, width);
            case SR, SR_BOX -> {
                if (height % scale != 0 || width % scale != 0) {
                    throw new InvalidInputException("a " + height + "x" + width + " image cannot be downsampled by "
                            + scale + "; its sides must be multiples of the scale");
                }
                boolean box = kind == Kind.SR_BOX;
                yield new SeparableOperator(manager,
                        box ? ResamplingMatrices.boxDown(height, scale) : ResamplingMatrices.bicubicDown(height, scale),
                        height / scale, height,
                        box ? ResamplingMatrices.boxDown(width, scale) : ResamplingMatrices.bicubicDown(width, scale),
                        width / scale, width);
            }
            case IDENTITY -> new SeparableOperator(manager, ResamplingMatrices.identity(height), height, height,
                    ResamplingMatrices.identity(width), width, width);
        };
    }

    public com.google.gson.JsonObject toJson() {
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        o.addProperty("kind", kind.id());
        o.addProperty("blurSigma", blurSigma);
        o.addProperty("blurSize", blurSize);
        o.addProperty("scale", scale);
        return o;
    }

    public static OperatorSpec fromJson(com.google.gson.JsonObject o) {
        try {
            return new OperatorSpec(Kind.parse(o.get("kind").getAsString()), o.get("blurSigma").getAsDouble(),
                    o.get("blurSize").getAsInt(), o.get("scale").getAsInt());
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw new InvalidInputException("operator settings " + o + " are incomplete; they need kind, blurSigma, "
                    + "blurSize and scale");
        }
    }

    /** A short human description, e.g. "blur σ=1.5 9x9" or "sr x4 bicubic". */
    public String describe() {
        return switch (kind) {
            case BLUR -> String.format(Locale.ROOT, "blur sigma=%.2f %dx%d", blurSigma, blurSize, blurSize);
            case SR -> "sr x" + scale + " bicubic";
            case SR_BOX -> "sr x" + scale + " box";
            case IDENTITY -> "identity";
        };
    }
}
