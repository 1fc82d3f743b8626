package org.g2d2.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.g2d2.core.AtomicFiles;
import org.g2d2.core.Json;

/**
 * Runs a {@link TrainTask}: resumes from the output folder's checkpoint if there is one, steps the
 * optimiser with a progress line, checkpoints every few minutes, and at the end writes
 * {@code weights.safetensors} (the model's tensors) next to the final checkpoint.
 */
public final class TrainLoop {

    public static final String WEIGHTS = "weights.safetensors";

    private TrainLoop() {
    }

    /** What a run did. */
    public record Result(long startStep, long endStep, double lastLoss, Map<String, Double> lastFigures) {
    }

    static Result run(String label, TrainTask task, LoopSettings s, Path out, JsonObject info,
                      NDManager manager, PrintStream log) {
        AdamW opt = new AdamW(task.trainable(), manager, s.weightDecay(), s.clipNorm());
        long start = 0;
        if (Checkpoint.exists(out)) {
            try (NDManager tmp = manager.newSubManager()) {
                Checkpoint c = Checkpoint.load(out, tmp);
                start = c.step();
                copyInto(c.under("p/"), task.model().asMap());
                opt.restore(c.tensors());
                copyInto(c.under("x/"), task.extraState());
            }
            log.println(label + ": resuming from step " + start + " of " + s.steps() + " in " + out);
        } else {
            log.println(label + ": starting in " + out + " (" + task.trainable().count() + " trainable parameters)");
        }
        JsonObject fullInfo = info.deepCopy();
        fullInfo.add("loop", s.toJson());
        Progress progress = new Progress(label, start, s.steps(), log, 15);
        long lastSave = System.nanoTime();
        double lastLoss = Double.NaN;
        Map<String, Double> figures = new LinkedHashMap<>();
        double smooth = Double.NaN;
        long skipped = 0;
        int badInARow = 0;
        for (long step = start; step < s.steps(); step++) {
            try (NDManager m = manager.newSubManager()) {
                TrainTask.StepLoss sl;
                TrainTask.StepLoss prepared = task.prepare(m, step);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    sl = task.loss(m, step, prepared);
                    gc.backward(sl.loss());
                }
                double gradNorm = opt.step(s.lrAt(step), step + 1);
                lastLoss = sl.loss().getFloat();
                // a skipped step still reaches the checkpoint below, so a run never loses its last save
                if (!Double.isFinite(gradNorm) || !Double.isFinite(lastLoss)) {
                    skipped++;
                    badInARow++;
                    log.println(label + ": step " + step + " skipped (loss " + lastLoss + ", gradient norm " + gradNorm
                            + "); " + skipped + " skipped so far");
                    if (badInARow >= 20) {
                        throw new IllegalStateException(label + ": 20 steps in a row had a non-finite loss or "
                                + "gradient at step " + step + "; resume from the last checkpoint");
                    }
                } else {
                    badInARow = 0;
                    task.afterUpdate(m, step, sl);
                    smooth = Double.isNaN(smooth) ? lastLoss : 0.98 * smooth + 0.02 * lastLoss;
                    figures.clear();
                    for (Map.Entry<String, NDArray> f : sl.figures().entrySet()) {
                        figures.put(f.getKey(), (double) f.getValue().stopGradient().toType(ai.djl.ndarray.types.DataType.FLOAT32, false).getFloat());
                    }
                    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "loss %.4f (avg %.4f)",
                            lastLoss, smooth));
                    figures.forEach((k, v) -> text.append(String.format(Locale.ROOT, " %s %.4g", k, v)));
                    text.append(String.format(Locale.ROOT, " |g| %.3g lr %.2e", gradNorm, s.lrAt(step)));
                    progress.update(step + 1, text.toString());
                }
            }
            boolean last = step + 1 == s.steps();
            if (last || (System.nanoTime() - lastSave) / 1e9 >= s.checkpointSeconds()) {
                save(out, step + 1, fullInfo, task, opt);
                lastSave = System.nanoTime();
            }
        }
        if (start < s.steps() || !java.nio.file.Files.exists(out.resolve(WEIGHTS))) {
            writeWeights(out, task);
            log.println(label + ": done; weights in " + out.resolve(WEIGHTS));
        }
        return new Result(start, s.steps(), lastLoss, Map.copyOf(figures));
    }

    private static void save(Path out, long step, JsonObject info, TrainTask task, AdamW opt) {
        Map<String, NDArray> all = new LinkedHashMap<>();
        task.model().asMap().forEach((k, v) -> all.put("p/" + k, v));
        all.putAll(opt.state());
        task.extraState().forEach((k, v) -> all.put("x/" + k, v));
        Checkpoint.save(out, step, info, all);
    }

    private static void writeWeights(Path out, TrainTask task) {
        NDList list = task.model().toList();
        try {
            AtomicFiles.write(out.resolve(WEIGHTS), o -> list.encode(o, NDList.Encoding.SAFETENSORS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyInto(Map<String, NDArray> from, Map<String, NDArray> to) {
        for (Map.Entry<String, NDArray> e : to.entrySet()) {
            NDArray src = from.get(e.getKey());
            if (src == null) {
                throw new IllegalStateException("checkpoint lacks tensor '" + e.getKey() + "'");
            }
            e.getValue().set(src.toFloatArray());
        }
    }

    /** Reads the model tensors a finished run wrote. */
    public static Map<String, NDArray> readWeights(Path out, NDManager manager) {
        Path f = out.resolve(WEIGHTS);
        if (!java.nio.file.Files.isRegularFile(f)) {
            throw new org.g2d2.core.InvalidInputException("'" + out + "' holds no " + WEIGHTS
                    + "; train that model to the end first");
        }
        try (var in = java.nio.file.Files.newInputStream(f)) {
            Map<String, NDArray> map = new LinkedHashMap<>();
            for (NDArray a : NDList.decode(manager, in)) {
                map.put(a.getName(), a);
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(JsonObject o) {
        return Json.GSON.toJson(o);
    }
}
