import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.model.TokenDecoder;

/**
 * Where one decoder forward+backward spends its time through DJL: the floor's loop (best of 30
 * rounds of 20), the cost of a trivial op through the JNI, and libtorch's own profiler aggregated
 * by op (self time per iteration). Compare with torch.profiler on the same ops.
 *
 * <pre>
 * mvn -q package -DskipTests
 * java -cp "target/classes:target/lib/*" scripts/ProfileDecoder.java [PACK] [TRACE.json]
 * </pre>
 */
public class ProfileDecoder {

    public static void main(String[] args) throws Exception {
        TorchRuntime.configure(1);
        Path packDir = Path.of(args.length > 0 ? args[0] : "models/fashion-mnist");
        Path trace = Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir") + "/g2d2-decoder-trace.json");
        try (ModelPack pack = ModelPackLoader.load(packDir, Device.cpu())) {
            TorchRuntime.quietNativeWarnings();
            TokenDecoder decoder = pack.models().decoder();
            TorchRuntime.gradientsOffOnThisThread();
            NDManager m = pack.manager().newSubManager();
            Shape in = new Shape(1, pack.grid().embeddingDim(), pack.grid().height(), pack.grid().width());
            NDArray emb = m.randomUniform(0f, 1f, in);
            Runnable iteration = () -> {
                try (NDManager it = m.newSubManager()) {
                    NDArray x = emb.duplicate();
                    x.attach(it);
                    x.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(decoder.decode(x).square().sum());
                    }
                    x.getGradient().toFloatArray();
                }
            };
            Runnable forward = () -> {
                try (NDManager it = m.newSubManager()) {
                    NDArray x = emb.duplicate();
                    x.attach(it);
                    decoder.decode(x).toFloatArray();
                }
            };
            NDArray one = m.ones(new Shape(1));
            Runnable trivial = () -> {
                try (NDManager it = m.newSubManager()) {
                    NDArray t = one.duplicate();
                    t.attach(it);
                    for (int i = 0; i < 100; i++) {
                        t.add(1f);
                    }
                }
            };
            for (int i = 0; i < 100; i++) {
                iteration.run();
            }
            System.out.printf("decoder fwd+bwd best us: %.1f%n", best(iteration, 20, 30));
            System.out.printf("decoder fwd (no grad) best us: %.1f%n", best(forward, 20, 30));
            System.out.printf("trivial add on 1 element us/op: %.2f%n", best(trivial, 20, 10) / 100);
            int n = 100;
            JniUtils.startProfile(false, true, false);
            for (int i = 0; i < n; i++) {
                iteration.run();
            }
            JniUtils.stopProfile(trace.toString());
            summarise(trace, n);
        }
    }

    private static double best(Runnable r, int n, int rounds) {
        double b = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                r.run();
            }
            b = Math.min(b, (System.nanoTime() - t0) / 1e3 / n);
        }
        return b;
    }

    /** Self time per op name per iteration, from the chrome trace libtorch writes. */
    private static void summarise(Path trace, int n) throws Exception {
        JsonElement root = JsonParser.parseString(Files.readString(trace));
        JsonArray events = root.isJsonArray() ? root.getAsJsonArray() : root.getAsJsonObject().getAsJsonArray("traceEvents");
        // self time = duration minus the durations of directly nested events on the same thread
        java.util.List<JsonObject> xs = new java.util.ArrayList<>();
        for (JsonElement e : events) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("ph") && "X".equals(o.get("ph").getAsString())) {
                xs.add(o);
            }
        }
        xs.sort((a, b) -> {
            int c = Double.compare(a.get("ts").getAsDouble(), b.get("ts").getAsDouble());
            return c != 0 ? c : Double.compare(b.get("dur").getAsDouble(), a.get("dur").getAsDouble());
        });
        Map<String, double[]> agg = new TreeMap<>();
        java.util.Map<String, java.util.Deque<double[]>> stacks = new java.util.HashMap<>();
        double[] selfOf = new double[xs.size()];
        java.util.Deque<Integer> stack = new java.util.ArrayDeque<>();
        double total = 0;
        for (int i = 0; i < xs.size(); i++) {
            JsonObject o = xs.get(i);
            double ts = o.get("ts").getAsDouble();
            double dur = o.get("dur").getAsDouble();
            selfOf[i] = dur;
            while (!stack.isEmpty()) {
                JsonObject top = xs.get(stack.peek());
                if (ts >= top.get("ts").getAsDouble() + top.get("dur").getAsDouble()) {
                    stack.pop();
                } else {
                    break;
                }
            }
            if (!stack.isEmpty()) {
                selfOf[stack.peek()] -= dur;
            } else {
                total += dur;
            }
            stack.push(i);
        }
        for (int i = 0; i < xs.size(); i++) {
            double[] a = agg.computeIfAbsent(xs.get(i).get("name").getAsString(), k -> new double[2]);
            a[0] += selfOf[i];
            a[1]++;
        }
        System.out.printf("%-55s %10s %8s%n", "op (libtorch profiler)", "self us/it", "calls/it");
        agg.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(40)
                .forEach(e -> System.out.printf("%-55s %10.1f %8.1f%n", e.getKey(), e.getValue()[0] / n, e.getValue()[1] / n));
        System.out.printf("top-level op time per iteration: %.1f us (events: %d)%n", total / n, xs.size());
    }
}
