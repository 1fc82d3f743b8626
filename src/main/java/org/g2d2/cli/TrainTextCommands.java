package org.g2d2.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.g2d2.core.model.nn.VqTokenizer;
import org.g2d2.core.model.nn.VqTokenizerConfig;
import org.g2d2.train.LoopSettings;
import org.g2d2.train.TextData;
import org.g2d2.train.TokenizerTraining;
import org.g2d2.train.TrainedTokenizer;
import org.g2d2.train.data.TextImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train text-tokenizer|text-prior|text-check}: the printed-text pack, on crops rendered on the fly. */
final class TrainTextCommands {

    private TrainTextCommands() {
    }

    /** Options every text run shares. */
    static class TextCommon {
        @Option(names = "--out", required = true, description = "output folder (checkpoint, weights)")
        Path out;
        @Option(names = "--seed", defaultValue = "1", description = "seeds the weights, batches and rendered crops")
        long seed;
        @Option(names = "--checkpoint-seconds", defaultValue = "180", description = "checkpoint interval")
        double checkpointSeconds;
        @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default ${DEFAULT-VALUE})")
        String device;

        NDManager manager() {
            return NDManager.newBaseManager(org.g2d2.core.TorchRuntime.device(device));
        }
    }

    @Command(name = "text-tokenizer", mixinStandardHelpOptions = true,
            description = "Train the text pack's VQ tokenizer on rendered text crops (resumes from --out).")
    static final class Tokenizer implements Callable<Integer> {
        @Mixin
        TextCommon common = new TextCommon();
        @Option(names = "--side", defaultValue = "64", description = "crop side = the prior's context (default ${DEFAULT-VALUE})")
        int side;
        @Option(names = "--steps", defaultValue = "40000")
        long steps;
        @Option(names = "--batch", defaultValue = "16")
        int batch;
        @Option(names = "--lr", defaultValue = "2e-3")
        double lr;
        @Option(names = "--codes", defaultValue = "1024", description = "codebook size K")
        int codes;
        @Option(names = "--dim", defaultValue = "32", description = "code embedding size d")
        int dim;
        @Option(names = "--full", defaultValue = "32", description = "channels at full resolution")
        int full;
        @Option(names = "--half", defaultValue = "64", description = "channels at half resolution")
        int half;
        @Option(names = "--quarter", defaultValue = "128", description = "channels at quarter resolution")
        int quarter;
        @Option(names = "--res-blocks", defaultValue = "1")
        int resBlocks;

        @Override
        public Integer call() {
            VqTokenizerConfig cfg = new VqTokenizerConfig(side, 1, full, half, quarter, resBlocks, codes, dim);
            TokenizerTraining.Settings s = new TokenizerTraining.Settings(cfg, batch, 0.25, 0.99, 0.03);
            LoopSettings loop = new LoopSettings(steps, lr, Math.min(500, steps / 10), 0, 0,
                    common.checkpointSeconds, common.seed);
            TextImages data = TextData.training(side, common.seed);
            try (NDManager m = common.manager()) {
                TokenizerTraining.train(s, loop, data, common.out, m, System.out);
            }
            return 0;
        }
    }

    @Command(name = "text-check", mixinStandardHelpOptions = true,
            description = "Reconstruction PSNR of a text tokenizer on held-out renders (training fonts with the "
                    + "held-out seed, and the held-out font families).")
    static final class Check implements Callable<Integer> {
        @Option(names = "--tokenizer", required = true, description = "the tokenizer's training folder")
        Path tokenizer;
        @Option(names = "--samples", defaultValue = "256")
        int samples;
        @Option(names = "--ocr-pages", defaultValue = "0", description = "also OCR this many held-out pages, clean and "
                + "reconstructed (needs tesseract)")
        int ocrPages;

        @Override
        public Integer call() {
            try (NDManager m = NDManager.newBaseManager()) {
                VqTokenizer tok = TrainedTokenizer.load(tokenizer, m);
                int side = tok.config().imageSize();
                double seen = TextData.tokenizerPsnr(tok, TextData.heldOut(side, samples, false), m);
                double unseen = TextData.tokenizerPsnr(tok, TextData.heldOut(side, samples, true), m);
                System.out.printf(Locale.ROOT, "tokenizer PSNR over %d held-out crops: training fonts %.2f dB, "
                        + "held-out fonts %.2f dB%n", samples, seen, unseen);
                if (ocrPages > 0) {
                    TextData.OcrCheck ocr = TextData.tokenizerOcr(tok, org.g2d2.core.metrics.TesseractOcr.english(),
                            ocrPages, m);
                    System.out.printf(Locale.ROOT, "Tesseract CER over %d held-out pages: clean %.4f, through the "
                            + "tokenizer %.4f%n", ocrPages, ocr.cleanCer(), ocr.reconstructedCer());
                }
            }
            return 0;
        }
    }

    @Command(name = "text-prior", mixinStandardHelpOptions = true,
            description = "Train the text pack's transformer prior on the tokens of a text tokenizer (resumes from --out).")
    static final class Prior implements Callable<Integer> {
        @Mixin
        TextCommon common = new TextCommon();
        @Option(names = "--tokenizer", required = true, description = "the tokenizer's training folder")
        Path tokenizer;
        @Option(names = "--images", defaultValue = "100000", description = "rendered crops to tokenise (default ${DEFAULT-VALUE})")
        int images;
        @Mixin
        PriorTrainingOptions prior = new PriorTrainingOptions();

        @Override
        public Integer call() {
            try (NDManager m = common.manager()) {
                VqTokenizer tok = TrainedTokenizer.load(tokenizer, m);
                Files.createDirectories(common.out);
                // the prior's crops come from a stream of their own (seed + 1), not the tokenizer's
                TextImages data = new TextImages(TextData.training(tok.config().imageSize(), common.seed + 1)
                        .renderer(), images, common.seed + 1);
                int[] tokens = TrainedTokenizer.tokens(tokenizer, tok, data, common.out.resolve("tokens.bin"), m);
                prior.train(tokens, tok, common.out, common.checkpointSeconds, common.seed, m);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }
    }

    @Command(name = "text-pack", mixinStandardHelpOptions = true,
            description = "Measure the text tokenizer on held-out renders and write the text pack from finished "
                    + "text-tokenizer and text-prior runs (refused below the PSNR bar).")
    static final class Pack implements Callable<Integer> {
        @Option(names = "--tokenizer", required = true)
        Path tokenizer;
        @Option(names = "--prior", required = true)
        Path prior;
        @Option(names = "--out", required = true, description = "the pack folder (models/text)")
        Path out;
        @Option(names = "--samples", defaultValue = "256", description = "held-out crops per PSNR figure")
        int samples;
        @Option(names = "--ocr-pages", defaultValue = "32", description = "held-out pages OCRed clean and through the "
                + "tokenizer (0: skip; needs tesseract)")
        int ocrPages;
        @Option(names = "--allow-below-bar", description = "write the pack even if the tokenizer misses its bar")
        boolean allowBelowBar;

        @Override
        public Integer call() throws IOException {
            try (NDManager m = NDManager.newBaseManager()) {
                var manifest = org.g2d2.train.TextPackBuilder.build(tokenizer, prior, out, samples, ocrPages, allowBelowBar, m);
                System.out.println("pack written to " + out + "; measured " + manifest.metrics());
            }
            return 0;
        }
    }

    @Command(name = "text-samples", mixinStandardHelpOptions = true,
            description = "Write the text pack's gallery pages (held-out fonts, 256x96 and 512x256, each with its text).")
    static final class Samples implements Callable<Integer> {
        @Option(names = "--out", defaultValue = "assets/samples/text", description = "folder (default ${DEFAULT-VALUE})")
        Path out;

        @Override
        public Integer call() throws IOException {
            var files = org.g2d2.train.GallerySamples.writeTextPages(out);
            System.out.println("wrote " + files.size() + " pages to " + out);
            return 0;
        }
    }
}
