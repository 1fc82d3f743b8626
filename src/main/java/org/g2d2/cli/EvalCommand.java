package org.g2d2.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.baseline.BaselineTuning;
import org.g2d2.core.baseline.Baselines;
import org.g2d2.core.eval.EvalReport;
import org.g2d2.core.eval.EvalResult;
import org.g2d2.core.eval.EvalRunner;
import org.g2d2.core.eval.EvalSettings;
import org.g2d2.core.eval.MosaicEval;
import org.g2d2.core.eval.MosaicReport;
import org.g2d2.core.eval.TestSet;
import org.g2d2.core.eval.TestSets;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.io.PackLocator;
import org.g2d2.core.io.PackManifest;
import org.g2d2.core.metrics.MeanInterval;
import org.g2d2.core.metrics.TesseractOcr;
import org.g2d2.core.metrics.TextRecognizer;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerSettings;
import org.g2d2.train.EmojiData;
import org.g2d2.train.TextData;
import org.g2d2.train.data.EmojiImages;
import org.g2d2.train.data.EmojiSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eval}: restoration quality of G2D2 (star-shaped and Markov), the prior alone and the
 * classical baselines over test images × seeds, as a Markdown table with 95% intervals, a CSV
 * and a figure.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure restoration quality against classical baselines on held-out test images.")
public final class EvalCommand implements Callable<Integer> {

    /** The name in model.json of the printed-text pack, evaluated on text pages by default. */
    static final String TEXT_PACK = "text";
    /** The name in model.json of the colour emoji pack, evaluated on the held-out emoji by default. */
    static final String EMOJI_PACK = "emoji";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"--model", "--pack"}, paramLabel = "DIR", description = "Model pack folder (default: the bundled "
            + "pack).")
    Path model;

    @Option(names = "--task", defaultValue = "blur", description = "blur, sr, kernel (--kernel FILE), inpaint (a --mask "
            + "option; PSNR in the hole is reported too) or saturate. Default: ${DEFAULT-VALUE}.")
    String task;

    @Mixin
    OperatorParameters degradation;

    @Option(names = "--images", defaultValue = "100", description = "Test images N (the first N of the test set). "
            + "Default: ${DEFAULT-VALUE}.")
    int images;

    @Option(names = "--skip", defaultValue = "0", description = "Skip the first K test images of the dataset, "
            + "the emoji or the text pages (to split a long evaluation into parts). Default: ${DEFAULT-VALUE}.")
    int skip;

    @Option(names = "--seeds", defaultValue = "1", description = "Seeds S per image (noise and sampler draws; "
            + "the first is --seed). Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Mixin
    SamplerOptions sampler;

    @Option(names = "--methods", split = ",", paramLabel = "M", description = "Only these methods, comma-separated "
            + "(default: all for the task: g2d2-star, g2d2-markov, prior-only and unrestored, wiener, richardson-lucy (blur) or "
            + "bicubic, ibp (sr)).")
    List<String> methods;

    @Option(names = "--images-dir", paramLabel = "DIR", description = "Test images from this folder (no labels) "
            + "instead of the dataset's test split.")
    Path imagesDir;

    @Option(names = "--pages", paramLabel = "SET", description = "Pages of printed text as the test set, read by "
            + "OCR (an OCR CER column; needs tesseract): held-out (held-out fonts and seeds), training (training "
            + "fonts and seeds, for tuning presets) or none. Default: held-out for the text pack, else none.")
    String pages;

    @Option(names = "--page-size", defaultValue = "256x96", paramLabel = "WxH", description = "Size of the text "
            + "pages (sides multiples of 4). Default: ${DEFAULT-VALUE}.")
    String pageSize;

    @Option(names = "--emoji", paramLabel = "PART", description = "Emoji of one part of the emoji split as the test "
            + "set (RGB on white; baselines tuned on training emoji): held-out, training (for tuning presets) or "
            + "none. Default: held-out for the emoji pack, else none.")
    String emoji;

    @Option(names = "--emoji-data", paramLabel = "DIR", description = "The emoji PNG folder (default: where "
            + "scripts/fetch-emoji.sh unpacks it).")
    Path emojiData;

    @Option(names = "--dataset", paramLabel = "DIR", description = "Fashion-MNIST IDX folder: test images from its "
            + "t10k split, baseline tuning on its train split. Default: ${DEFAULT-VALUE}.")
    Path dataset = TestSets.FASHION_MNIST;

    @Option(names = "--tune-images", paramLabel = "N", description = "Training images for the baselines' grid "
            + "search (0: default parameters). Default: 64 images, 16 text pages (the search costs over 100 times "
            + "more on a 256x96 page than on a 32x32 image).")
    Integer tuneImagesOption;

    /** --tune-images as resolved for the test set. */
    private int tuneImages;

    @Option(names = "--tune-dir", paramLabel = "DIR", description = "Tuning images for the baselines when the test "
            + "set is a folder (default: no tuning).")
    Path tuneDir;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: eval-<task>).")
    Path out;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threads", defaultValue = "1", description = "Intra-op threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--mosaic", defaultValue = "0", paramLabel = "K", description = "Also restore KxK mosaics of "
            + "the test images in one run each and compare their tiles with the images restored one by one "
            + "(mosaic.md, mosaic.csv, mosaic-figure.png). 0: off. Default: ${DEFAULT-VALUE}.")
    int mosaic;

    @Override
    public Integer call() throws IOException {
        TorchRuntime.configure(threads);
        OperatorSpec op = operator();
        double noise = degradation.noise();
        if (sampler.process != null) {
            throw new InvalidInputException("--process does not apply to eval: it runs both g2d2-star and g2d2-markov; "
                    + "pick methods with --methods");
        }
        if (images < 1 || images > 10_000) {
            throw new InvalidInputException("--images must be from 1 to 10000; found " + images);
        }
        tuneImages = tuneImagesOption != null ? tuneImagesOption : 64;
        if (skip < 0 || skip > 9_999 || (imagesDir != null && skip != 0)) {
            throw new InvalidInputException("--skip must be from 0 to 9999 and applies to the dataset's test split, "
                    + "the emoji and the text pages, not to --images-dir; found " + skip);
        }
        if (tuneImages < 0 || tuneImages > 10_000) {
            throw new InvalidInputException("--tune-images must be from 0 to 10000; found " + tuneImages);
        }
        Path packDir = model != null ? model : PackLocator.defaultPack();
        Path target = out != null ? out : Path.of("eval-" + task.toLowerCase(Locale.ROOT));
        PrintWriter console = spec.commandLine().getOut();
        try (ModelPack pack = ModelPackLoader.load(packDir, TorchRuntime.device(device))) {
            PackManifest.ImageSpec img = pack.manifest().image();
            SamplerSettings settings = sampler.resolve(pack.manifest(), op);
            EvalSettings evalSettings = new EvalSettings(op, noise, seeds, settings, methods);
            String pageSet = pageSet(pack.manifest());
            if (pageSet != null && tuneImagesOption == null) {
                tuneImages = 16;
            }
            String emojiPart = emojiPart(pack.manifest(), pageSet);
            Path emojiFolder = emojiData != null ? emojiData : EmojiImages.defaultFolder();
            TestSet test = pageSet != null ? textPages(pageSet, skip, images)
                    : emojiPart != null ? EmojiData.set(emojiFolder, part(emojiPart), skip, images, false)
                    : imagesDir != null ? TestSets.folder(imagesDir, images, img.channels(), img.height(), img.width())
                    : TestSets.idx(dataset, "t10k", skip, images, img.height());
            TextRecognizer reader = ocrReader(test, console);
            Baselines baselines;
            String tuning;
            List<org.g2d2.core.Image> tuneSet = tuneImages == 0 && (pageSet != null || emojiPart != null) ? List.of()
                    : pageSet != null ? textPages("training", 0, tuneImages).images()
                    : emojiPart != null ? EmojiData.set(emojiFolder, EmojiSplit.Part.TRAINING, tuneImages, true).images()
                    : tuningImages(img, test);
            if (tuneSet.isEmpty() || !Baselines.tunable(op)) {
                baselines = Baselines.defaults(noise);
                tuning = Baselines.tunable(op) ? "default parameters (no tuning images)"
                        : "no parameters to tune";
            } else {
                baselines = Baselines.tune(op, noise, tuneSet, settings.seed() + 1_000_003L);
                tuning = "parameters chosen by grid search (highest mean PSNR) on " + tuneSet.size()
                        + (pageSet != null ? " training-font text pages"
                        : emojiPart != null ? " training emoji" : " training images") + " over "
                        + (!op.kind().downsamples()
                        ? "nsr 1e-4..1 (4 per decade) and RL iterations " + BaselineTuning.RL_GRID
                        : "IBP beta " + BaselineTuning.IBP_GRID);
            }
            console.printf(Locale.ROOT, "eval %s, noise %s, %d images (%s) x %d seeds on %s (%s): %s%n",
                    op.describe(), noise, test.size(), test.name(), seeds, pack.id(),
                    TorchRuntime.describe(pack.manager().getDevice()), settings.summary());
            console.flush();
            ConsoleProgress progress = new ConsoleProgress(System.err, "eval");
            EvalResult result = new EvalRunner(pack, reader).run(evalSettings, test, baselines, tuning,
                    (done, total, note) -> progress.update((int) done, (int) total, note), () -> false);
            progress.finish();
            EvalReport.write(result, target, commandLine());
            console.println(summaryLine(result, target));
            if (mosaic > 0) {
                ConsoleProgress mosaicProgress = new ConsoleProgress(System.err, "mosaic");
                MosaicEval.Result mosaics = new MosaicEval(new Restorer(pack)).run(test.images(), mosaic, op, noise,
                        settings, (done, total, note) -> mosaicProgress.update((int) done, (int) total, note),
                        () -> false);
                mosaicProgress.finish();
                MosaicReport.write(mosaics, target, commandLine());
                console.println(mosaicLine(mosaics, target));
            }
            return 0;
        }
    }

    /** The text page set asked for (held-out or training), or null for images. */
    private String pageSet(PackManifest manifest) {
        String set = pages != null ? pages.toLowerCase(Locale.ROOT)
                : imagesDir == null && TEXT_PACK.equals(manifest.name()) ? "held-out" : "none";
        if (!List.of("held-out", "training", "none").contains(set)) {
            throw new InvalidInputException("--pages '" + pages + "' is unknown; allowed: held-out, training, none");
        }
        if (!set.equals("none") && imagesDir != null) {
            throw new InvalidInputException("--pages " + set + " and --images-dir both name a test set; give one");
        }
        return set.equals("none") ? null : set;
    }

    /** The emoji part asked for (held-out or training), or null. */
    private String emojiPart(PackManifest manifest, String pageSet) {
        String part = emoji != null ? emoji.toLowerCase(Locale.ROOT)
                : imagesDir == null && pageSet == null && EMOJI_PACK.equals(manifest.name()) ? "held-out" : "none";
        if (!List.of("held-out", "training", "none").contains(part)) {
            throw new InvalidInputException("--emoji '" + emoji + "' is unknown; allowed: held-out, training, none");
        }
        if (!part.equals("none") && (imagesDir != null || pageSet != null)) {
            throw new InvalidInputException("--emoji " + part + " and " + (imagesDir != null ? "--images-dir" : "--pages")
                    + " both name a test set; give one");
        }
        return part.equals("none") ? null : part;
    }

    private static EmojiSplit.Part part(String name) {
        return name.equals("held-out") ? EmojiSplit.Part.HELD_OUT : EmojiSplit.Part.TRAINING;
    }

    private TestSet textPages(String set, int skip, int count) {
        int[] hw = RestoreCommand.parseSize(pageSize, "--page-size");
        return TextData.pages(set.equals("held-out"), skip, count, hw[1], hw[0]);
    }

    /** Tesseract for test sets with texts; none (with a note) where it is not installed. */
    private static TextRecognizer ocrReader(TestSet test, PrintWriter console) {
        if (!test.hasTexts()) {
            return null;
        }
        if (!TesseractOcr.available()) {
            console.println("note: no OCR column: the tesseract command is not installed (Debian packages "
                    + "tesseract-ocr and tesseract-ocr-eng)");
            return null;
        }
        return TesseractOcr.english();
    }

    private OperatorSpec operator() {
        return switch (task.toLowerCase(Locale.ROOT)) {
            case "blur", "sr", "kernel", "inpaint", "saturate" -> degradation.spec(task.toLowerCase(Locale.ROOT));
            default -> throw new InvalidInputException("task '" + task + "' is unknown; allowed: blur, sr, kernel, "
                    + "inpaint, saturate");
        };
    }

    /** Training images for the baselines: the dataset's train split (its last ones), or --tune-dir. */
    private List<org.g2d2.core.Image> tuningImages(PackManifest.ImageSpec img, TestSet test) {
        if (tuneImages == 0) {
            return List.of();
        }
        if (imagesDir == null) {
            // the train split holds 60000 images; its last ones are as good as any for a 1-parameter search
            return TestSets.idx(dataset, "train", 60_000 - tuneImages, tuneImages, img.height()).images();
        }
        if (tuneDir != null) {
            return TestSets.folder(tuneDir, tuneImages, img.channels(), img.height(), img.width()).images();
        }
        return List.of();
    }

    private String commandLine() {
        // the parse result's original arguments already start with the subcommand's name
        List<String> args = new ArrayList<>(List.of("g2d2"));
        args.addAll(spec.commandLine().getParseResult().originalArgs());
        return String.join(" ", args);
    }

    static String mosaicLine(MosaicEval.Result r, Path target) {
        double alone = 0;
        double whole = 0;
        int n = 0;
        for (MosaicEval.Mosaic m : r.mosaics()) {
            for (double[] tile : m.tilePsnr()) {
                alone += tile[0];
                whole += tile[1];
                n++;
            }
        }
        return String.format(Locale.ROOT, "mosaics %dx%d: %d mosaic(s); PSNR dB one by one %.2f, whole %.2f (%+.2f); "
                + "wrote %s", r.k(), r.k(), r.mosaics().size(), alone / n, whole / n, (whole - alone) / n,
                target.resolve(MosaicReport.SUMMARY));
    }

    static String summaryLine(EvalResult r, Path target) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Map<EvalResult.Metric, MeanInterval>> e : r.summary().entrySet()) {
            parts.add(String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue().get(EvalResult.Metric.PSNR).mean()));
        }
        String ocr = "";
        if (r.hasOcr()) {
            List<String> cer = new ArrayList<>();
            for (Map.Entry<String, Map<EvalResult.Metric, MeanInterval>> e : r.summary().entrySet()) {
                cer.add(String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue().get(EvalResult.Metric.OCR_CER).mean()));
            }
            ocr = "; OCR CER %: " + String.join(", ", cer);
        }
        return String.format(Locale.ROOT, "eval %s, noise %s: %d images x %d seeds; PSNR dB: %s%s; wrote %s in %.0fs",
                r.settings().operator().describe(), r.settings().noiseSigma(), r.images(), r.settings().seeds(),
                String.join(", ", parts), ocr, target.resolve(EvalReport.SUMMARY), r.seconds());
    }
}
