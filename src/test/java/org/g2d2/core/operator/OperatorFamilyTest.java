package org.g2d2.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonObject;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Json;
import org.g2d2.core.baseline.SyntheticImages;
import org.junit.jupiter.api.Test;

/** The kernel, mask and saturation operators: tensor and plain versions agree, adjoints, gradients, records. */
class OperatorFamilyTest {

    private static final ConvolutionKernel MOTION = MotionKernels.line(15, 30);

    private static Image noise(int c, int h, int w, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[c * h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * r.nextDouble() - 1);
        }
        return new Image(c, h, w, v);
    }

    private static double dot(Image a, Image b) {
        double s = 0;
        for (int i = 0; i < a.data().length; i++) {
            s += (double) a.data()[i] * b.data()[i];
        }
        return s;
    }

    private static void assertClose(Image a, Image b, double tol) {
        assertThat(a.data().length).isEqualTo(b.data().length);
        for (int i = 0; i < a.data().length; i++) {
            assertThat((double) a.data()[i]).as("value %d", i).isCloseTo(b.data()[i], Offset.offset(tol));
        }
    }

    @Test
    void kernelOperatorMatchesThePlainConvolutionForwardAndAdjoint() {
        Image x = noise(2, 20, 24, 1);
        OperatorSpec spec = OperatorSpec.convolution(MOTION);
        try (NDManager m = NDManager.newBaseManager(); ForwardOperator op = spec.create(m, 20, 24)) {
            LinearMap plain = spec.linearPart(20, 24);
            assertClose(Image.of(op.apply(x.toNDArray(m))), plain.apply(x), 1e-5);
            assertClose(Image.of(op.adjoint(x.toNDArray(m))), plain.adjoint(x), 1e-5);
        }
    }

    @Test
    void adjointsSatisfyTheInnerProductIdentity() {
        Image x = noise(1, 17, 13, 2);
        Image y = noise(1, 17, 13, 3);
        InpaintingMask mask = InpaintingMask.randomPixels(17, 13, 0.4, new SplittableRandom(4));
        for (LinearMap a : new LinearMap[] {new KernelMatrix(MOTION, 17, 13), new MaskMatrix(mask)}) {
            assertThat(dot(a.apply(x), y)).isCloseTo(dot(x, a.adjoint(y)), Offset.offset(1e-3));
        }
    }

    @Test
    void aGaussianAsAKernelImageIsTheSeparableGaussianBlurBordersIncluded() {
        int size = 9;
        double sigma = 1.5;
        float[] taps = new float[size];
        for (int k = 0; k < size; k++) {
            taps[k] = (float) Math.exp(-0.5 * (k - 4) * (k - 4) / (sigma * sigma));
        }
        float[] w = new float[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                w[i * size + j] = taps[i] * taps[j];
            }
        }
        Image x = SyntheticImages.blobs(16, 2);
        Image general = new KernelMatrix(new ConvolutionKernel("gauss", size, size, w), 16, 16).apply(x);
        Image separable = OperatorSpec.blur(sigma, size).linearPart(16, 16).apply(x);
        assertClose(general, separable, 1e-5);
    }

    @Test
    void gradientsFlowThroughTheKernelAndStopAtSaturatedPixels() {
        Image x = SyntheticImages.blobs(16, 1);
        OperatorSpec kernel = OperatorSpec.convolution(MOTION);
        OperatorSpec saturate = OperatorSpec.saturate(1.0, 5, 3);
        try (NDManager m = NDManager.newBaseManager();
             ForwardOperator k = kernel.create(m, 16, 16);
             ForwardOperator s = saturate.create(m, 16, 16)) {
            // d/dx Σ A(x) = Aᵀ 1
            NDArray xa = x.toNDArray(m);
            xa.setRequiresGradient(true);
            try (GradientCollector g = Engine.getInstance().newGradientCollector()) {
                g.backward(k.apply(xa).sum());
            }
            float[] ones = new float[256];
            java.util.Arrays.fill(ones, 1f);
            assertClose(Image.of(xa.getGradient()), kernel.linearPart(16, 16).adjoint(new Image(1, 16, 16, ones)),
                    1e-5);

            NDArray xs = x.toNDArray(m);
            xs.setRequiresGradient(true);
            try (GradientCollector g = Engine.getInstance().newGradientCollector()) {
                g.backward(s.apply(xs).sum());
            }
            Image y = saturate.model(16, 16).apply(x);
            assertClose(Image.of(s.apply(x.toNDArray(m))), y, 1e-5);
            Image grad = Image.of(xs.getGradient());
            int saturated = 0;
            for (float v : y.data()) {
                saturated += v >= 1f ? 1 : 0;
            }
            assertThat(saturated).as("the test image saturates somewhere").isPositive();
            // where every pixel a blur tap reaches is saturated, no gradient comes back
            Image reach = saturate.linearPart(16, 16).adjoint(unsaturated(y));
            for (int i = 0; i < grad.data().length; i++) {
                if (reach.data()[i] == 0f) {
                    assertThat(grad.data()[i]).isZero();
                }
            }
            double total = 0;
            for (float v : grad.data()) {
                total += v;
            }
            assertThat(total).as("and elsewhere some").isPositive();
        }
    }

    private static Image unsaturated(Image y) {
        float[] v = new float[y.data().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = y.data()[i] < 1f ? 1f : 0f;
        }
        return new Image(y.channels(), y.height(), y.width(), v);
    }

    @Test
    void inpaintingMeasuresOnlyTheKnownPixelsAndDropsTheRest() {
        InpaintingMask mask = InpaintingMask.box(12, 12, 5, new SplittableRandom(1));
        assertThat(mask.missingCount()).isEqualTo(25);
        OperatorSpec spec = OperatorSpec.inpaint(MaskSpec.given(mask));
        Image y = noise(3, 12, 12, 5);
        Image kept = spec.keepMeasured(y);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 12; i++) {
                for (int j = 0; j < 12; j++) {
                    float expect = mask.isKnown(i, j) ? y.get(c, i, j) : 0f;
                    assertThat(kept.get(c, i, j)).isEqualTo(expect);
                }
            }
        }
        try (NDManager m = NDManager.newBaseManager(); ForwardOperator op = spec.create(m, 12, 12)) {
            assertClose(Image.of(op.apply(y.toNDArray(m))), kept, 0);
        }
        assertThat(OperatorSpec.blur(1, 3).keepMeasured(y)).isSameAs(y);
    }

    @Test
    void simulatedMasksHaveTheirSizeAndDifferPerImage() {
        MaskSpec random = MaskSpec.random(0.5, 7);
        InpaintingMask a = random.realise(32, 32);
        assertThat(a.missingCount()).isBetween(440, 584);
        assertThat(random.forImage(1).realise(32, 32)).isNotEqualTo(random.forImage(2).realise(32, 32));
        assertThat(random.realise(32, 32)).isEqualTo(a);
        InpaintingMask scribbles = MaskSpec.scribbles(3, 1).realise(32, 32);
        assertThat(scribbles.missingCount()).isBetween(20, 400);
        assertThat(MaskSpec.box(12, 3).realise(32, 32).missingCount()).isEqualTo(144);
        assertThatThrownBy(() -> MaskSpec.box(32, 0).realise(32, 32)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the box hole is 32 pixels");
        assertThatThrownBy(() -> MaskSpec.given(a).realise(16, 32)).isInstanceOf(InvalidInputException.class)
                .hasMessage("the mask is 32x32; it must be the image's size, 32x16");
        assertThatThrownBy(() -> new InpaintingMask(2, 2, new boolean[4])).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("all black");
    }

    @Test
    void kernelsAreValidatedAndNormalised() {
        ConvolutionKernel k = new ConvolutionKernel("k", 1, 3, new float[] {1, 2, 1});
        assertThat(k.weights()).containsExactly(0.25f, 0.5f, 0.25f);
        assertThatThrownBy(() -> new ConvolutionKernel("e", 2, 1, new float[] {1, 1}))
                .hasMessage("kernel 'e' is 1x2; its sides must be odd (so that it has a centre)");
        assertThatThrownBy(() -> new ConvolutionKernel("z", 1, 1, new float[] {0}))
                .hasMessageContaining("all zero");
        assertThatThrownBy(() -> new ConvolutionKernel("b", 65, 1, new float[65]))
                .hasMessageContaining("at most 63x63");
        assertThatThrownBy(() -> new ConvolutionKernel("n", 1, 1, new float[] {-1}))
                .hasMessageContaining("not negative");
        for (double[] shipped : MotionKernels.SHIPPED) {
            ConvolutionKernel line = MotionKernels.line(shipped[0], shipped[1]);
            assertThat(line.height() % 2).isOne();
            double sum = 0;
            for (float v : line.weights()) {
                sum += v;
            }
            assertThat(sum).isCloseTo(1, Offset.offset(1e-5));
        }
    }

    @Test
    void specsRoundTripThroughJsonAndOldRecordsStillRead() {
        InpaintingMask mask = InpaintingMask.scribbles(20, 24, 2, new SplittableRandom(3));
        OperatorSpec[] specs = {OperatorSpec.convolution(MOTION), OperatorSpec.inpaint(MaskSpec.given(mask)),
            OperatorSpec.inpaint(MaskSpec.box(6, 9)), OperatorSpec.saturate(1.5, 9, 2.5), OperatorSpec.blur(1.5, 9)};
        for (OperatorSpec s : specs) {
            OperatorSpec back = OperatorSpec.fromJson(Json.GSON.fromJson(Json.GSON.toJson(s.toJson()), JsonObject.class));
            assertThat(back).isEqualTo(s);
            assertThat(back.describe()).isEqualTo(s.describe());
        }
        JsonObject old = Json.GSON.fromJson("{\"kind\":\"sr\",\"blurSigma\":0,\"blurSize\":0,\"scale\":4}",
                JsonObject.class);
        assertThat(OperatorSpec.fromJson(old)).isEqualTo(OperatorSpec.superResolution(4));
        assertThat(OperatorSpec.blur(1.5, 9).toJson().keySet()).containsExactly("kind", "blurSigma", "blurSize",
                "scale");
    }
}
