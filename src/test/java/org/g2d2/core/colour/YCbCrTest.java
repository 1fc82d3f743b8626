package org.g2d2.core.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.g2d2.core.Image;
import org.junit.jupiter.api.Test;

class YCbCrTest {

    @Test
    void splitThenMergeGivesTheImageBack() {
        SplittableRandom rng = new SplittableRandom(1);
        float[] d = new float[3 * 5 * 7];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        Image rgb = new Image(3, 5, 7, d);
        Image[] p = YCbCr.split(rgb);
        Image back = YCbCr.merge(p[0], p[1], p[2]);
        for (int i = 0; i < d.length; i++) {
            assertThat(back.data()[i]).isCloseTo(d[i], within(1e-5f));
        }
    }

    @Test
    void greyHasNoChromaAndItsLumaIsTheGrey() {
        Image grey = new Image(1, 2, 2, new float[] {-1f, -0.2f, 0.5f, 1f});
        Image[] p = YCbCr.split(YCbCr.toRgb(grey));
        for (int i = 0; i < 4; i++) {
            assertThat(p[0].data()[i]).isCloseTo(grey.data()[i], within(1e-6f));
            assertThat(p[1].data()[i]).isCloseTo(0f, within(1e-6f));
            assertThat(p[2].data()[i]).isCloseTo(0f, within(1e-6f));
        }
    }

    @Test
    void pureRedHasBt601LumaAndPositiveCr() {
        Image red = new Image(3, 1, 1, new float[] {1f, -1f, -1f});
        Image[] p = YCbCr.split(red);
        // on [0, 1]: Y = 0.299; on [−1, 1]: 2·0.299 − 1
        assertThat(p[0].data()[0]).isCloseTo(2 * 0.299f - 1, within(1e-6f));
        assertThat(p[2].data()[0]).isGreaterThan(0.9f);
        assertThat(p[1].data()[0]).isLessThan(0f);
    }

    @Test
    void channelPlanFollowsImageAndPackChannels() {
        assertThat(ChannelPlan.of(1, 1)).isEqualTo(ChannelPlan.DIRECT);
        assertThat(ChannelPlan.of(3, 1)).isEqualTo(ChannelPlan.LUMA);
        assertThat(ChannelPlan.of(1, 3)).isEqualTo(ChannelPlan.GREY_ON_COLOUR);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChannelPlan.of(2, 1))
                .hasMessageContaining("2 channels");
    }
}
