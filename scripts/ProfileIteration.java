import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.model.TokenDecoder;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.operator.SeparableOperator;

/**
 * Where a G2D2 iteration's time goes beyond the decoder: the iteration's engine work in a bare
 * loop, built up one part at a time (each row adds one part to the row above), against the floor's
 * decoder forward+backward. Fastest of 30 rounds of 20 iterations per row.
 *
 * <pre>
 * mvn -q package -DskipTests
 * java -cp "target/classes:target/lib/*" scripts/ProfileIteration.java [PACK]
 * </pre>
 */
public class ProfileIteration {

    private static final String[] ROWS = {
        "floor: decoder fwd+bwd on a (1, d, h, w) input",
        "+ softmax(a + g) as the decoder's input (fixed g)",
        "+ soft embeddings pi C, (L, d) -> (1, d, h, w)",
        "+ likelihood ||y - A x||",
        "+ KL term sum softmax(a)(a - l)",
        "+ fused rectified Adam update",
        "+ log-normalised copy of alpha as the leaf",
        "+ fresh Gumbel noise (JVM uniforms, engine logs)",
    };

    private static TokenDecoder decoder;
    private static NDArray codebook;
    private static SeparableOperator operator;
    private static NDArray y;
    private static NDArray logPrior;
    private static NDArray fixedNoise;
    private static int length;
    private static int codes;
    private static int dim;
    private static int side;

    public static void main(String[] args) {
        TorchRuntime.configure(1);
        Path packDir = Path.of(args.length > 0 ? args[0] : "models/fashion-mnist");
        try (ModelPack pack = ModelPackLoader.load(packDir, Device.cpu())) {
            decoder = pack.models().decoder();
            codebook = decoder.codebook();
            length = pack.grid().length();
            codes = pack.grid().codebookSize();
            dim = pack.grid().embeddingDim();
            side = pack.grid().height();
            TorchRuntime.gradientsOffOnThisThread();
            NDManager m = pack.manager().newSubManager();
            int size = pack.manifest().image().height();
            operator = OperatorSpec.blur(1.5, 9).create(m, size, size);
            y = m.randomUniform(-1f, 1f, new Shape(1, 1, size, size));
            logPrior = m.randomNormal(new Shape(length, codes)).mul(3).logSoftmax(1);
            fixedNoise = m.randomNormal(new Shape(length, codes));
            Map<Integer, Double> best = new LinkedHashMap<>();
            for (int round = 0; round < 30; round++) {
                for (int row = 0; row < ROWS.length; row++) {
                    long t0 = System.nanoTime();
                    int n = step(m, row);
                    double ms = (System.nanoTime() - t0) / 1e6 / n;
                    if (round > 2) {
                        best.merge(row, ms, Math::min);
                    }
                }
            }
            double floor = best.get(0);
            for (int row = 0; row < ROWS.length; row++) {
                System.out.printf("%-52s %6.3f ms  %5.2fx%n", ROWS[row], best.get(row), best.get(row) / floor);
            }
        }
    }

    private static final SplittableRandom RNG = new SplittableRandom(3);
    private static ByteBuffer staging;

    private static NDArray gumbel(NDManager manager) {
        if (staging == null) {
            staging = ByteBuffer.allocateDirect(4 * length * codes).order(ByteOrder.nativeOrder());
        }
        FloatBuffer u = staging.asFloatBuffer();
        for (int i = 0; i + 1 < length * codes; i += 2) {
            long r = RNG.nextLong();
            u.put(i, (r >>> 40) * 0x1.0p-24f);
            u.put(i + 1, ((r >>> 16) & 0xFFFFFF) * 0x1.0p-24f);
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDArray logU = scratch.create(staging, new Shape(length, codes), DataType.FLOAT32).addi(1e-30f).log();
            logU.attach(manager);
            return logU.negi().addi(1e-30f).log().negi();
        }
    }

    /** 20 iterations with the parts of rows 0 … row; returns the iteration count. */
    private static int step(NDManager parent, int row) {
        int iterations = 20;
        try (NDManager step = parent.newSubManager()) {
            NDArray alpha = logPrior.duplicate();
            alpha.attach(step);
            NDArray m1 = alpha.zerosLike();
            NDArray m2 = alpha.zerosLike();
            for (int it = 0; it < iterations; it++) {
                try (NDManager iteration = step.newSubManager()) {
                    if (row == 0) {
                        NDArray x = iteration.randomUniform(0f, 1f, new Shape(1, dim, side, side));
                        x.setRequiresGradient(true);
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            gc.backward(decoder.decode(x).square().sum());
                        }
                        x.getGradient().toFloatArray();
                        continue;
                    }
                    NDArray g = row >= 7 ? gumbel(iteration) : fixedNoise;
                    NDArray a = row >= 6 ? alpha.logSoftmax(1) : alpha.duplicate();
                    a.attach(iteration);
                    a.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray pi = a.add(g).softmax(1);
                        NDArray input = row >= 2
                                ? pi.matMul(codebook).reshape(1, side, side, dim).transpose(0, 3, 1, 2)
                                : pi.get(":, :" + dim).reshape(1, dim, side, side);
                        NDArray xHat = decoder.decode(input);
                        NDArray loss = row >= 3 ? operator.apply(xHat).sub(y).norm() : xHat.square().sum();
                        if (row >= 4) {
                            loss = loss.add(a.softmax(1).mul(a.sub(logPrior)).sum().mul(3e-4f));
                        }
                        gc.backward(loss);
                    }
                    NDArray grad = a.getGradient();
                    if (row >= 5) {
                        m1.tempAttach(iteration);
                        m2.tempAttach(iteration);
                        alpha.getNDArrayInternal().adamUpdate(new NDList(alpha, grad, m1, m2), new NDList(alpha),
                                0f, 0.1f, 0f, 1f, -1f, 0.9f, 0.999f, 1e-8f, false, false);
                    }
                }
            }
            return iterations;
        }
    }
}
