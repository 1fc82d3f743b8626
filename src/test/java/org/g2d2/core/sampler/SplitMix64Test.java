package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void givesSplittableRandomsStreamForEveryDrawTheSamplerMakes() {
        for (long seed : new long[] {0, 1, -7, 123_456_789_012L}) {
            SplittableRandom jdk = new SplittableRandom(seed);
            SplitMix64 own = new SplitMix64(seed);
            for (int i = 0; i < 2_000; i++) {
                switch (i % 5) {
                    case 0 -> assertThat(own.nextLong()).isEqualTo(jdk.nextLong());
                    case 1 -> assertThat(own.nextDouble()).isEqualTo(jdk.nextDouble());
                    case 2 -> assertThat(own.nextInt(1 + i)).isEqualTo(jdk.nextInt(1 + i));
                    case 3 -> assertThat(own.nextInt(64)).isEqualTo(jdk.nextInt(64));
                    default -> assertThat(own.split().nextLong()).isEqualTo(jdk.split().nextLong());
                }
            }
        }
    }

    @Test
    void aResumedGeneratorContinuesTheStream() {
        SplitMix64 a = new SplitMix64(5).split();
        for (int i = 0; i < 37; i++) {
            a.nextDouble();
        }
        SplitMix64 b = SplitMix64.resumed(a.state());
        long[] expected = a.longs(20).toArray();
        assertThat(b.longs(20).toArray()).containsExactly(expected);
        assertThat(SplitMix64.resumed(new SplitMix64(6).state()).nextLong()).isNotEqualTo(expected[0]);
    }
}
