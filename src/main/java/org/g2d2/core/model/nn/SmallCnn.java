package org.g2d2.core.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;
import org.g2d2.core.model.ImageClassifier;

/**
 * The evaluation classifier: three conv 3×3 + ReLU + max-pool stages (32, 64, 128 channels on a
 * 32×32 input), a 128-unit hidden layer (the features), and a linear layer to the class logits.
 */
public final class SmallCnn implements ImageClassifier {

    public static final int FEATURES = 128;

    private final Params params;
    private final List<String> classNames;

    public SmallCnn(Params params, List<String> classNames) {
        this.params = params;
        this.classNames = List.copyOf(classNames);
    }

    public static Params init(NDManager m, int channels, int imageSize, int classes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Params p = new Params();
        p.conv(m, rng, "conv1", 32, channels, 3, 1);
        p.conv(m, rng, "conv2", 64, 32, 3, 1);
        p.conv(m, rng, "conv3", 128, 64, 3, 1);
        int flat = 128 * (imageSize / 8) * (imageSize / 8);
        p.linear(m, rng, "fc1", FEATURES, flat, Math.sqrt(2.0 / flat));
        p.linear(m, rng, "fc2", classes, FEATURES, Math.sqrt(1.0 / FEATURES));
        return p;
    }

    public Params params() {
        return params;
    }

    @Override
    public NDArray features(NDArray images) {
        NDArray x = Nn.maxPool2(Nn.relu(Nn.conv(images, params, "conv1", 1, 1)));
        x = Nn.maxPool2(Nn.relu(Nn.conv(x, params, "conv2", 1, 1)));
        x = Nn.maxPool2(Nn.relu(Nn.conv(x, params, "conv3", 1, 1)));
        return Nn.relu(Nn.linear(x.reshape(x.getShape().get(0), -1), params, "fc1"));
    }

    @Override
    public NDArray logits(NDArray images) {
        return Nn.linear(features(images), params, "fc2");
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }
}
