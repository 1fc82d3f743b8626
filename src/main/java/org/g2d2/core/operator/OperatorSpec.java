package org.g2d2.core.operator;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.util.Locale;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;

/**
 * The settings of a degradation, validated on creation: which operator and its parameters. It is
 * the one description of an operator that the command line, the workbench, evaluation, the
 * baselines and run records share; it builds the tensor operator the sampler differentiates
 * through ({@link #create}) and the same map on plain images for the baselines ({@link #model},
 * {@link #linearPart}).
 *
 * @param kind the operator family
 * @param blurSigma Gaussian standard deviation in pixels (blur and saturate)
 * @param blurSize odd kernel size in pixels (blur and saturate)
 * @param scale downsampling factor, 2 or 4 (sr and sr-box only)
 * @param kernel the convolution kernel (kernel only, else null)
 * @param mask how the inpainting mask is made (inpaint only, else null)
 * @param gain the exposure gain g &gt; 1 (saturate only, else 1)
 */
public record OperatorSpec(Kind kind, double blurSigma, int blurSize, int scale, ConvolutionKernel kernel,
                           MaskSpec mask, double gain) {

    /** The operator families. */
    public enum Kind {
        BLUR("blur"), SR("sr"), SR_BOX("sr-box"), IDENTITY("identity"), KERNEL("kernel"), INPAINT("inpaint"),
        SATURATE("saturate");

        /** The ids users type, for messages. */
        public static final String ALLOWED = "blur, sr, sr-box, identity, kernel, inpaint, saturate";

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
            throw new InvalidInputException("operator '" + s + "' is unknown; allowed: " + ALLOWED);
        }

        /** Whether A(x) is smaller than x (super-resolution). */
        public boolean downsamples() {
            return this == SR || this == SR_BOX;
        }
    }

    /** The largest exposure gain accepted. */
    public static final double MAX_GAIN = 10;

    public OperatorSpec {
        if (kind == null) {
            throw new InvalidInputException("operator is missing; allowed: " + Kind.ALLOWED);
        }
        if (kind == Kind.BLUR || kind == Kind.SATURATE) {
            if (!Double.isFinite(blurSigma) || blurSigma <= 0 || blurSigma > 50) {
                throw new InvalidInputException("blur sigma must be in (0, 50] pixels; found " + blurSigma);
            }
            if (blurSize < 1 || blurSize > 201 || blurSize % 2 == 0) {
                throw new InvalidInputException("blur size must be an odd number of pixels from 1 to 201; found "
                        + blurSize);
            }
        }
        if (kind.downsamples() && scale != 2 && scale != 4) {
            throw new InvalidInputException("scale must be 2 or 4; found " + scale);
        }
        if (kind == Kind.KERNEL && kernel == null) {
            throw new InvalidInputException("the kernel operator needs a kernel (--kernel FILE)");
        }
        if (kind == Kind.INPAINT && mask == null) {
            throw new InvalidInputException("the inpaint operator needs a mask (--mask FILE, --mask-box N, "
                    + "--mask-random F or --mask-scribbles N)");
        }
        if (kind == Kind.SATURATE && (!Double.isFinite(gain) || gain <= 1 || gain > MAX_GAIN)) {
            throw new InvalidInputException("the saturation gain must be in (1, " + (int) MAX_GAIN + "]; found " + gain);
        }
        if (kind != Kind.KERNEL) {
            kernel = null;
        }
        if (kind != Kind.INPAINT) {
            mask = null;
        }
        if (kind != Kind.SATURATE) {
            gain = 1;
        }
    }

    /** The settings of the first operator families (blur, sr, sr-box, identity). */
    public OperatorSpec(Kind kind, double blurSigma, int blurSize, int scale) {
        this(kind, blurSigma, blurSize, scale, null, null, 1);
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

    public static OperatorSpec convolution(ConvolutionKernel kernel) {
        return new OperatorSpec(Kind.KERNEL, 0, 0, 1, kernel, null, 1);
    }

    public static OperatorSpec inpaint(MaskSpec mask) {
        return new OperatorSpec(Kind.INPAINT, 0, 0, 1, null, mask, 1);
    }

    /** Over-exposure of a Gaussian blur: y = clip(g · blur(x) on [0, 1]). */
    public static OperatorSpec saturate(double sigma, int size, double gain) {
        return new OperatorSpec(Kind.SATURATE, sigma, size, 1, null, null, gain);
    }

    /** This task with its simulated mask drawn anew for test image {@code index} (other operators: itself). */
    public OperatorSpec forImage(int index) {
        return mask == null ? this : inpaint(mask.forImage(index));
    }

    /** The tensor operator for images of {@code height} × {@code width} on the manager's device. */
    public ForwardOperator create(NDManager manager, int height, int width) {
        return switch (kind) {
            case KERNEL -> new KernelOperator(manager, kernel, height, width);
            case INPAINT -> new MaskOperator(manager, mask.realise(height, width));
            case SATURATE -> new Saturation(((SeparableMatrix) linearPart(height, width)).toOperator(manager), gain);
            case BLUR, SR, SR_BOX, IDENTITY -> ((SeparableMatrix) linearPart(height, width)).toOperator(manager);
        };
    }

    /**
     * The linear map of the task on plain images: A itself, or (saturate) the blur that the
     * linear baselines assume, ignoring the clip.
     */
    public LinearMap linearPart(int height, int width) {
        return switch (kind) {
            case BLUR, SATURATE -> SeparableMatrix.gaussianBlur(height, width, blurSize, blurSigma);
            case SR, SR_BOX -> {
                if (height % scale != 0 || width % scale != 0) {
                    throw new InvalidInputException("a " + height + "x" + width + " image cannot be downsampled by "
                            + scale + "; its sides must be multiples of the scale");
                }
                yield SeparableMatrix.downsampling(height, width, scale, kind == Kind.SR_BOX);
            }
            case IDENTITY -> SeparableMatrix.identity(height, width);
            case KERNEL -> new KernelMatrix(kernel, height, width);
            case INPAINT -> new MaskMatrix(mask.realise(height, width));
        };
    }

    /** The forward model A on plain images (nonlinear for saturate). */
    public ImageMap model(int height, int width) {
        LinearMap linear = linearPart(height, width);
        return kind == Kind.SATURATE ? Saturation.onImages(linear, gain) : linear;
    }

    /**
     * A measurement as the likelihood should see it: for inpainting the missing pixels set to zero
     * (they carry no information, and whatever a file holds there must not enter the misfit);
     * other operators measure every value, so y is returned as it is.
     */
    public Image keepMeasured(Image y) {
        return kind == Kind.INPAINT ? linearPart(y.height(), y.width()).apply(y) : y;
    }

    /** The mask of an inpainting task at this size, or null for other operators. */
    public InpaintingMask maskAt(int height, int width) {
        return kind == Kind.INPAINT ? mask.realise(height, width) : null;
    }

    /** The measurement's size for an image of {@code height} × {@code width}: {height, width}. */
    public int[] measurementSize(int height, int width) {
        return kind.downsamples() ? new int[] {height / scale, width / scale} : new int[] {height, width};
    }

    /** The restored image's size for a measurement of {@code height} × {@code width}: {height, width}. */
    public int[] restoredSize(int height, int width) {
        return kind.downsamples() ? new int[] {height * scale, width * scale} : new int[] {height, width};
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("kind", kind.id());
        o.addProperty("blurSigma", blurSigma);
        o.addProperty("blurSize", blurSize);
        o.addProperty("scale", scale);
        if (kernel != null) {
            o.add("kernel", kernel.toJson());
        }
        if (mask != null) {
            o.add("mask", mask.toJson());
        }
        if (kind == Kind.SATURATE) {
            o.addProperty("gain", gain);
        }
        return o;
    }

    /** Reads {@link #toJson}; records written before kernels, masks and gains existed read as before. */
    public static OperatorSpec fromJson(JsonObject o) {
        try {
            return new OperatorSpec(Kind.parse(o.get("kind").getAsString()), o.get("blurSigma").getAsDouble(),
                    o.get("blurSize").getAsInt(), o.get("scale").getAsInt(),
                    o.has("kernel") ? ConvolutionKernel.fromJson(o.getAsJsonObject("kernel")) : null,
                    o.has("mask") ? MaskSpec.fromJson(o.getAsJsonObject("mask")) : null,
                    o.has("gain") ? o.get("gain").getAsDouble() : 1);
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw new InvalidInputException("operator settings " + o + " are incomplete; they need kind, blurSigma, "
                    + "blurSize and scale (and kernel, mask or gain for those operators)");
        }
    }

    /** A short human description, e.g. "blur sigma=1.50 9x9" or "sr x4 bicubic". */
    public String describe() {
        return switch (kind) {
            case BLUR -> String.format(Locale.ROOT, "blur sigma=%.2f %dx%d", blurSigma, blurSize, blurSize);
            case SR -> "sr x" + scale + " bicubic";
            case SR_BOX -> "sr x" + scale + " box";
            case IDENTITY -> "identity";
            case KERNEL -> kernel.describe();
            case INPAINT -> "inpaint " + mask.describe();
            case SATURATE -> String.format(Locale.ROOT, "saturate gain=%.2f after blur sigma=%.2f %dx%d", gain,
                    blurSigma, blurSize, blurSize);
        };
    }
}
