package org.g2d2.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.g2d2.core.model.nn.Nn;
import org.g2d2.core.model.nn.Params;
import org.g2d2.core.model.nn.SmallCnn;
import org.g2d2.train.data.Batches;
import org.g2d2.train.data.FashionMnist;

/** Trains the evaluation classifier with cross-entropy; every other batch is mirrored left–right. */
public final class ClassifierTraining implements TrainTask {

    private final FashionMnist data;
    private final Batches batches;
    private final Params params;
    private final SmallCnn net;

    ClassifierTraining(FashionMnist data, int batch, NDManager manager, long seed) {
        this.data = data;
        this.batches = new Batches(data.size(), batch, seed);
        this.params = SmallCnn.init(manager, 1, FashionMnist.SIZE, FashionMnist.CLASS_NAMES.size(), seed);
        this.net = new SmallCnn(params, FashionMnist.CLASS_NAMES);
    }

    public static TrainLoop.Result train(int batch, LoopSettings loop, FashionMnist data, Path out, NDManager manager,
                                         PrintStream log) {
        ClassifierTraining task = new ClassifierTraining(data, batch, manager, loop.seed());
        JsonObject info = new JsonObject();
        info.addProperty("kind", "classifier");
        return TrainLoop.run("classifier", task, loop, out, info, manager, log);
    }

    @Override
    public Params trainable() {
        return params;
    }

    @Override
    public StepLoss loss(NDManager m, long step, StepLoss prepared) {
        int[] idx = batches.indices(step);
        NDArray x = data.images(m, idx);
        if (step % 2 == 1) {
            x = x.flip(3);
        }
        NDArray labels = data.labels(m, idx);
        NDArray logp = net.logits(x).logSoftmax(1);
        NDArray onehot = Nn.oneHot(labels, FashionMnist.CLASS_NAMES.size());
        NDArray loss = logp.mul(onehot).sum(new int[] {1}).mean().neg();
        Map<String, NDArray> figures = new LinkedHashMap<>();
        figures.put("acc", logp.argMax(1).eq(labels).toType(DataType.FLOAT32, false).mean());
        return new StepLoss(loss, figures, null);
    }
}
