package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.util.function.DoubleFunction;
import org.g2d2.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Every range of the settings at both ends: the last allowed value passes, the next one is refused. */
class SamplerSettingsBoundsTest {

    private static final SamplerSettings P = SamplerSettings.PAPER_BLUR;

    private static void edges(String name, DoubleFunction<SamplerSettings> make, double[] allowed, double[] refused) {
        for (double v : allowed) {
            assertThat(make.apply(v)).as("%s = %s", name, v).isNotNull();
        }
        for (double v : refused) {
            assertThatThrownBy(() -> make.apply(v)).as("%s = %s", name, v).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith(name + " must be").hasMessageContaining("found");
        }
    }

    @Test
    void everyRangeIsClosedWhereItSays() {
        edges("steps", v -> new SamplerSettings((int) v, 1, 0, 0, 1, 1, 0, 0, "star", 1, 0),
                new double[] {1, 1000}, new double[] {0, 1001});
        edges("iterations", v -> new SamplerSettings(1, (int) v, 0, 0, 1, 1, 0, 0, "star", 1, 0),
                new double[] {1, 1000}, new double[] {0, 1001});
        edges("kl", v -> new SamplerSettings(1, 1, v, 0, 1, 1, 0, 0, "star", 1, 0),
                new double[] {0, 1e6}, new double[] {-1e-12, 1.000001e6, Double.NaN, Double.POSITIVE_INFINITY});
        edges("kl-decay", v -> new SamplerSettings(1, 1, 0, v, 1, 1, 0, 0, "star", 1, 0),
                new double[] {-10, 10}, new double[] {-10.001, 10.001, Double.NaN});
        edges("temperature", v -> new SamplerSettings(1, 1, 0, 0, v, 1, 0, 0, "star", 1, 0),
                new double[] {1e-3, 100}, new double[] {0.99e-3, 100.001, Double.NaN});
        edges("lr", v -> new SamplerSettings(1, 1, 0, 0, 1, v, 0, 0, "star", 1, 0),
                new double[] {1e-9, 1e4}, new double[] {0, 10000.01, Double.POSITIVE_INFINITY});
        edges("lr-decay", v -> new SamplerSettings(1, 1, 0, 0, 1, 1, v, 0, "star", 1, 0),
                new double[] {-10, 10}, new double[] {-10.001, 10.001, Double.NaN});
        edges("forget", v -> new SamplerSettings(1, 1, 0, 0, 1, 1, 0, v, "star", 1, 0),
                new double[] {0, 1}, new double[] {-0.001, 1.001, Double.NaN});
        edges("top-mass", v -> new SamplerSettings(1, 1, 0, 0, 1, 1, 0, 0, "star", v, 0),
                new double[] {1e-9, 1}, new double[] {0, 1.001, Double.NaN});
        assertThatThrownBy(() -> new SamplerSettings(1, 1, 0, 0, 1, 1, 0, 0, "brownian", 1, 0))
                .isInstanceOf(InvalidInputException.class).hasMessage("process must be star or markov; found brownian");
        assertThatThrownBy(() -> new SamplerSettings(1, 1, 0, 0, 1, 1, 0, 0, null, 1, 0))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void copiesChangeOnlyWhatTheySay() {
        SamplerSettings s = P.withSeed(7).withProcess("markov").withStepsAndIterations(12, 5);
        assertThat(s).isEqualTo(new SamplerSettings(12, 5, P.kl(), P.klDecay(), P.temperature(), P.lr(), P.lrDecay(),
                P.forget(), "markov", P.topMass(), 7));
        assertThat(P.overriddenBy(P.toJson())).isEqualTo(P);
        assertThat(SamplerSettings.PAPER_SR.overriddenBy(new JsonObject())).isEqualTo(SamplerSettings.PAPER_SR);
        assertThat(SamplerSettings.PAPER_SR.lr()).isEqualTo(10);
        assertThat(SamplerSettings.PAPER_SR.lrDecay()).isEqualTo(2);
    }

    @Test
    void overridesSayWhatIsWrong() {
        JsonObject unknown = new JsonObject();
        unknown.addProperty("stepz", 3);
        assertThatThrownBy(() -> P.overriddenBy(unknown)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'stepz' is unknown");
        JsonObject wrongType = new JsonObject();
        wrongType.add("steps", new JsonObject());
        assertThatThrownBy(() -> P.overriddenBy(wrongType)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("wrong type");
        JsonObject text = new JsonObject();
        text.addProperty("kl", "lots");
        assertThatThrownBy(() -> P.overriddenBy(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("wrong type");
    }

    @Test
    void summaryNamesEverySetting() {
        assertThat(new SamplerSettings(20, 15, 3e-4, 2, 0.5, 10, 1, 0.3, "markov", 0.9, 4).summary())
                .isEqualTo("markov N=20 M=15 kl=0.00030(w=2.0) tau=0.50 lr=10.0(w=1.0) f=0.30 seed=4");
    }
}
