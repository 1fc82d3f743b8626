package org.g2d2.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import org.g2d2.core.operator.OperatorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.MockedStatic;
import org.mockito.Mockito;

/**
 * Every tensor of a run stays on the run's device: host↔device copies are counted at the engine's
 * JNI boundary (a counting pass-through over the binding's static calls, on this thread only) and
 * must not grow with the number of iterations beyond what is known. On the CPU a "copy" is the
 * call that moves data over the bus on a GPU: reading an array into the JVM ({@code toFloatArray},
 * {@code getFloat}, ...), or making one from JVM data ({@code create}, and every op with a Java
 * number, which the engine turns into a one-element array on the operand's device).
 */
class HostDeviceCopiesTest {

    private static final int STEPS = 2;

    @TempDir
    Path dir;

    /** Copies during one run. */
    record Copies(int reads, int arrayUploads, int scalarUploads) {
        Copies minus(Copies o) {
            return new Copies(reads - o.reads, arrayUploads - o.arrayUploads, scalarUploads - o.scalarUploads);
        }
    }

    private static SamplerSettings settings(int iterations) {
        return new SamplerSettings(STEPS, iterations, 1e-4, 2, 1.0, 15, 1, 0.3, "star", 0.95, 7);
    }

    @Test
    void noReadPerIterationOneArrayUploadAtMostAndFewReadsPerStep() throws Exception {
        try (ToyFixture toy = new ToyFixture(dir); CopyCounter counter = new CopyCounter()) {
            InverseProblem problem = toy.problem(OperatorSpec.blur(1.0, 5), toy.randomTokens(4), 0.05, 5);
            for (SamplerListener listener : new SamplerListener[] {SamplerListener.NONE, frame -> { }}) {
                Copies few = counter.during(() -> run(toy, problem, settings(1), listener));
                Copies many = counter.during(() -> run(toy, problem, settings(4), listener));
                Copies extra = many.minus(few);
                int extraIterations = STEPS * (4 - 1);
                String why = "previews " + listener.wantsPreviews() + ": 1 iteration " + few + ", 4 iterations "
                        + many;
                // reads happen per step (the step's losses, α for the draw, previews), never per iteration:
                // on a GPU each read waits for every queued kernel
                assertThat(extra.reads()).as(why).isZero();
                // one array upload per iteration: the Gumbel uniforms, drawn in the JVM so that a seed gives
                // the same stream on every device
                assertThat(extra.arrayUploads()).as(why).isLessThanOrEqualTo(extraIterations);
                // known debt: ops with a Java number (RAdam's coefficients, the noise's 1e-30, the KL weight)
                // upload a one-element array each, 6.5 to 8 per iteration today; no more may be added
                assertThat(extra.scalarUploads()).as(why).isLessThanOrEqualTo(8 * extraIterations);
            }
            Copies base = counter.during(() -> run(toy, problem, settings(1), SamplerListener.NONE));
            Copies twice = counter.during(() -> run(toy, problem, settings(1).withStepsAndIterations(2 * STEPS, 1),
                    SamplerListener.NONE));
            // per step without previews: the two loss series and α for the draw
            assertThat(twice.minus(base).reads()).as(base + " then " + twice).isLessThanOrEqualTo(3 * STEPS);
        }
    }

    private static void run(ToyFixture toy, InverseProblem problem, SamplerSettings settings,
                            SamplerListener listener) {
        toy.sampler.run(toy.pack.manager(), problem, settings, listener, () -> false);
    }

    /**
     * Counts copies at the JNI boundary on this thread while {@link #during} runs; every call passes
     * through to the real binding. One static mock for the whole test: installing it is the slow part.
     */
    private static final class CopyCounter implements AutoCloseable {
        private final int[] counts = new int[3];
        private boolean on;
        private final MockedStatic<JniUtils> jni = Mockito.mockStatic(JniUtils.class, invocation -> {
            if (on) {
                switch (invocation.getMethod().getName()) {
                    case "getByteBuffer" -> counts[0]++;
                    case "createNdFromByteBuffer" -> counts[((Shape) invocation.getArgument(2)).size() > 1 ? 1 : 2]++;
                    default -> {
                    }
                }
            }
            return invocation.callRealMethod();
        });

        Copies during(Runnable work) {
            java.util.Arrays.fill(counts, 0);
            on = true;
            try {
                work.run();
            } finally {
                on = false;
            }
            return new Copies(counts[0], counts[1], counts[2]);
        }

        @Override
        public void close() {
            jni.close();
        }
    }
}
