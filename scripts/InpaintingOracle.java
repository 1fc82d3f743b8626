import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Locale;
import org.g2d2.core.Image;
import org.g2d2.core.eval.TestSet;
import org.g2d2.core.eval.TestSets;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.metrics.MeanInterval;
import org.g2d2.core.metrics.Psnr;
import org.g2d2.core.model.TokenEncoder;
import org.g2d2.core.operator.InpaintingMask;
import org.g2d2.core.operator.MaskSpec;

/**
 * What the tokenizer allows in an inpainting hole: the truth encoded and decoded (the tokens G2D2
 * would have to find), scored in the hole of the same masks `eval --task inpaint` draws per image
 * (parts of 25 images, `--mask-seed` = part). An upper bound for any sampler on this pack.
 *
 * <p>Usage: {@code java -cp "target/classes:$(cat cp)" scripts/InpaintingOracle.java PACK box|random PARTS}
 */
public final class InpaintingOracle {

    public static void main(String[] args) throws Exception {
        Path packDir = Path.of(args[0]);
        boolean box = args[1].equals("box");
        int parts = Integer.parseInt(args[2]);
        try (ModelPack pack = ModelPackLoader.load(packDir, Device.cpu())) {
            int side = pack.manifest().image().height();
            double[] hole = new double[parts * 25];
            double[] whole = new double[parts * 25];
            for (int c = 0; c < parts; c++) {
                TestSet test = TestSets.idx(TestSets.FASHION_MNIST, "t10k", c * 25, 25, side);
                MaskSpec spec = box ? MaskSpec.box(12, c) : MaskSpec.random(0.5, c);
                for (int i = 0; i < 25; i++) {
                    Image truth = test.images().get(i);
                    InpaintingMask mask = spec.forImage(i).realise(side, side);
                    Image r = reconstruct(pack, truth);
                    hole[c * 25 + i] = Psnr.over(truth, r, mask.inverted().known());
                    whole[c * 25 + i] = Psnr.compute(truth, r);
                }
            }
            System.out.printf(Locale.ROOT, "tokenizer reconstruction of the truth, %d images, %s masks: PSNR %s dB, "
                    + "in the hole %s dB%n", hole.length, args[1], MeanInterval.of95(whole).format(2),
                    MeanInterval.of95(hole).format(2));
        }
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
