package org.g2d2.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.g2d2.core.Image;
import org.g2d2.core.operator.OperatorSpec;
import org.junit.jupiter.api.Test;

/** The classical baselines on an RGB image are the grey ones applied to each channel on its own. */
class ColourBaselinesTest {

    @Test
    void everyBaselineRestoresEachChannelAsItWouldAGreyImage() {
        int h = 24;
        int w = 20;
        Image[] planes = new Image[3];
        float[] rgb = new float[3 * h * w];
        SplittableRandom rng = new SplittableRandom(5);
        for (int c = 0; c < 3; c++) {
            float[] p = new float[h * w];
            for (int i = 0; i < p.length; i++) {
                // smooth shapes that differ per channel, plus noise
                int y = i / w;
                int x = i % w;
                p[i] = (float) Math.max(-1, Math.min(1, Math.sin((x + 3 * c) / 3.0) * Math.cos(y / (2.0 + c))
                        + 0.05 * (rng.nextDouble() - 0.5)));
            }
            planes[c] = new Image(1, h, w, p);
            System.arraycopy(p, 0, rgb, c * h * w, h * w);
        }
        Image colour = new Image(3, h, w, rgb);
        Baselines b = new Baselines(1e-2, 10, 0.1, false);
        for (OperatorSpec spec : List.of(OperatorSpec.blur(1.5, 9), OperatorSpec.superResolution(2))) {
            org.g2d2.core.operator.ImageMap a = spec.model(h, w);
            Image y = a.apply(colour);
            List<ClassicalRestorer> restorers = b.forTask(spec, h, w);
            assertThat(restorers).isNotEmpty();
            for (ClassicalRestorer r : restorers) {
                Image out = r.restore(y);
                assertThat(out.channels()).as(r.name()).isEqualTo(3);
                for (int c = 0; c < 3; c++) {
                    Image grey = r.restore(a.apply(planes[c]));
                    for (int i = 0; i < h * w; i++) {
                        assertThat(out.data()[c * h * w + i]).as(r.name() + " channel " + c + " pixel " + i)
                                .isCloseTo(grey.data()[i], within(2e-4f));
                    }
                }
            }
        }
    }
}
