package org.g2d2.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.g2d2.core.model.nn.Params;
import org.junit.jupiter.api.Test;

class AdamWTest {

    @Test
    void fitsALeastSquaresProblem() {
        try (NDManager base = NDManager.newBaseManager()) {
            Params p = new Params();
            p.normal(base, new SplittableRandom(1), "w", 0.1, 4, 8);
            NDArray x = base.randomNormal(new Shape(8, 32));
            NDArray target = base.randomNormal(new Shape(4, 8)).matMul(x);
            AdamW opt = new AdamW(p, base, 0, 0);
            float first = 0;
            float last = 0;
            for (int step = 0; step < 300; step++) {
                try (NDManager m = base.newSubManager()) {
                    NDArray loss;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray xl = m.zeros(x.getShape()).addi(x);
                        NDArray pred = xl.transpose().matMul(m.zeros(new Shape(8, 4)).add(p.get("w").transpose())).transpose();
                        loss = pred.sub(target).square().mean();
                        gc.backward(loss);
                    }
                    double norm = opt.step(0.05, step + 1);
                    assertThat(norm).isFinite();
                    last = loss.getFloat();
                    if (step == 0) {
                        first = last;
                    }
                }
            }
            assertThat(last).isLessThan(first * 1e-3f);
        }
    }
}
