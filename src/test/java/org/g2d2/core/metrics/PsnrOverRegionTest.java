package org.g2d2.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.g2d2.core.Image;
import org.junit.jupiter.api.Test;

/** PSNR over a region (the hole of an inpainting): only the region's pixels count, on every channel. */
class PsnrOverRegionTest {

    @Test
    void onlyTheRegionsPixelsCountOnEveryChannel() {
        // two channels of 2x2; the images differ only at pixel 3 (both channels), by 0.5 on [-1, 1] = 0.25 on [0, 1]
        float[] a = {0, 0, 0, 0, 0.2f, 0.2f, 0.2f, 0.2f};
        float[] b = {0, 0, 0, 0.5f, 0.2f, 0.2f, 0.2f, 0.7f};
        Image x = new Image(2, 2, 2, a);
        Image y = new Image(2, 2, 2, b);
        boolean[] hole = {false, true, false, true};
        // region: pixels 1 and 3 of both channels, 4 values, two of them off by 0.25
        double mse = 2 * 0.25 * 0.25 / 4;
        assertThat(Psnr.over(x, y, hole)).isCloseTo(10 * Math.log10(1 / mse), within(1e-4));
        assertThat(Psnr.over(x, y, new boolean[] {true, true, true, true})).isCloseTo(Psnr.compute(x, y), within(1e-9));
        assertThat(Psnr.over(x, y, new boolean[] {true, true, true, false})).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Psnr.over(x, y, new boolean[4])).isNaN();
        assertThatThrownBy(() -> Psnr.over(x, y, new boolean[3])).hasMessageContaining("region has 3 pixels; the image 4");
    }
}
