import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Locale;
import org.g2d2.core.Image;
import org.g2d2.core.Restorer;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.baseline.Baselines;
import org.g2d2.core.baseline.ClassicalRestorer;
import org.g2d2.core.colour.YCbCr;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.metrics.Psnr;
import org.g2d2.core.metrics.Ssim;
import org.g2d2.core.model.TokenEncoder;
import org.g2d2.core.operator.OperatorSpec;

/**
 * The figures beside a G2D2 restore of a photo at its own size: the measurement y and the
 * classical methods for the task (default parameters, per channel) on the same y that {@code
 * restore} simulates (same operator, σ_y and seed), the G2D2 result read from its PNG, and the
 * tokenizer's own reconstruction of the photo — the ceiling a pack puts on content unlike its
 * training data. Sides must be multiples of the tokenizer's stride.
 *
 * <pre>
 * mvn -q package -DskipTests
 * java -cp "target/classes:target/lib/*" scripts/PhotoReport.java PACK PHOTO blur|sr4 NOISE SEED RESTORED.png
 * </pre>
 */
public class PhotoReport {

    public static void main(String[] args) throws Exception {
        TorchRuntime.configure(1);
        Path packDir = Path.of(args[0]);
        Image truth = ImageFiles.loadNative(Path.of(args[1])).image();
        OperatorSpec op = args[2].equals("blur") ? OperatorSpec.blur(1.5, 9) : OperatorSpec.superResolution(4);
        double noise = Double.parseDouble(args[3]);
        long seed = Long.parseLong(args[4]);
        Image g2d2 = ImageFiles.loadNative(Path.of(args[5])).image();
        try (ModelPack pack = ModelPackLoader.load(packDir, Device.cpu())) {
            Restorer restorer = new Restorer(pack);
            Image y = restorer.simulateMeasurement(truth, op, noise, seed);
            System.out.printf(Locale.ROOT, "%s %dx%d %s, noise %s, seed %d%n", args[1], truth.width(), truth.height(),
                    op.describe(), noise, seed);
            System.out.println("| method | PSNR dB | SSIM |");
            System.out.println("|---|---|---|");
            for (ClassicalRestorer c : Baselines.defaults(noise).forTask(op, truth.height(), truth.width())) {
                row(c.name() + " (" + c.parameters() + ")", truth, c.restore(y));
            }
            row("G2D2 (" + args[5] + ")", truth, g2d2);
            Image luma = truth.channels() == 3 ? YCbCr.luma(truth) : truth;
            Image reconstructed = reconstruct(pack, luma);
            System.out.printf(Locale.ROOT, "tokenizer reconstruction of the %s: PSNR %.2f dB, SSIM %.4f%n",
                    truth.channels() == 3 ? "luma" : "image", Psnr.compute(luma, reconstructed),
                    Ssim.compute(luma, reconstructed));
            if (truth.channels() == 3) {
                Image[] planes = YCbCr.split(truth);
                Image colour = YCbCr.merge(reconstructed, planes[1], planes[2]);
                System.out.printf(Locale.ROOT, "  with the true chroma: RGB PSNR %.2f dB%n", Psnr.compute(truth, colour));
            }
        }
    }

    private static void row(String name, Image truth, Image x) {
        Image clamped = x.clamped();
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.4f |%n", name, Psnr.compute(truth, clamped),
                Ssim.compute(truth, clamped));
    }

    private static Image reconstruct(ModelPack pack, Image image) {
        TokenEncoder encoder = pack.models().encoder().orElseThrow();
        int k = pack.grid().codebookSize();
        try (NDManager m = pack.manager().newSubManager()) {
            NDArray ids = encoder.encode(image.toNDArray(m));
            long h = ids.getShape().get(1);
            long w = ids.getShape().get(2);
            NDArray embeddings = ids.reshape(-1).oneHot(k).matMul(pack.models().decoder().codebook())
                    .reshape(1, h, w, -1).transpose(0, 3, 1, 2);
            return Image.of(pack.models().decoder().decode(embeddings)).clamped();
        }
    }
}
