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
import org.g2d2.train.EmojiPackBuilder;
import org.g2d2.train.LoopSettings;
import org.g2d2.train.TokenizerTraining;
import org.g2d2.train.TrainedTokenizer;
import org.g2d2.train.data.EmojiImages;
import org.g2d2.train.data.EmojiSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code train emoji-tokenizer|emoji-check|emoji-prior|emoji-pack}: the colour emoji pack, on the
 * training part of the emoji split (the held-out part is only ever measured).
 */
final class TrainEmojiCommands {

    private TrainEmojiCommands() {
    }

    /** The emoji PNG folder. */
    static class Data {
        @Option(names = "--data", description = "the emoji PNG folder scripts/fetch-emoji.sh unpacks "
                + "(default ~/.cache/g2d2-data/emoji/img/google/64)")
        Path data;

        Path folder() {
            return data != null ? data : EmojiImages.defaultFolder();
        }
    }

    /** Options every emoji run shares. */
    static class EmojiCommon {
        @Option(names = "--out", required = true, description = "output folder (checkpoint, weights)")
        Path out;
        @Option(names = "--seed", defaultValue = "1", description = "seeds the weights, batches and augmentation")
        long seed;
        @Option(names = "--checkpoint-seconds", defaultValue = "180", description = "checkpoint interval")
        double checkpointSeconds;
        @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default ${DEFAULT-VALUE})")
        String device;

        NDManager manager() {
            return NDManager.newBaseManager(org.g2d2.core.TorchRuntime.device(device));
        }
    }

    @Command(name = "emoji-tokenizer", mixinStandardHelpOptions = true,
            description = "Train the emoji pack's colour VQ tokenizer on the training emoji (resumes from --out).")
    static final class Tokenizer implements Callable<Integer> {
        @Mixin
        EmojiCommon common = new EmojiCommon();
        @Mixin
        Data data = new Data();
        @Option(names = "--steps", defaultValue = "30000")
        long steps;
        @Option(names = "--batch", defaultValue = "16")
        int batch;
        @Option(names = "--lr", defaultValue = "2e-3")
        double lr;
        @Option(names = "--variants", defaultValue = "200", description = "augmented images per emoji (default ${DEFAULT-VALUE})")
        int variants;
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
            VqTokenizerConfig cfg = new VqTokenizerConfig(EmojiImages.SIDE, 3, full, half, quarter, resBlocks, codes, dim);
            TokenizerTraining.Settings s = new TokenizerTraining.Settings(cfg, batch, 0.25, 0.99, 0.03);
            LoopSettings loop = new LoopSettings(steps, lr, Math.min(500, steps / 10), 0, 0,
                    common.checkpointSeconds, common.seed);
            EmojiImages images = EmojiImages.load(data.folder(), EmojiSplit.Part.TRAINING, variants, common.seed,
                    EmojiImages.Augmentation.TRAINING);
            try (NDManager m = common.manager()) {
                TokenizerTraining.train(s, loop, images, common.out, m, System.out);
            }
            return 0;
        }
    }

    @Command(name = "emoji-check", mixinStandardHelpOptions = true,
            description = "Reconstruction PSNR of an emoji tokenizer on the held-out emoji (on white, unshifted).")
    static final class Check implements Callable<Integer> {
        @Option(names = "--tokenizer", required = true, description = "the tokenizer's training folder")
        Path tokenizer;
        @Mixin
        Data data = new Data();
        @Option(names = "--checkpoint", description = "measure the run's last checkpoint (a run still in progress)")
        boolean checkpoint;

        @Override
        public Integer call() {
            try (NDManager m = NDManager.newBaseManager()) {
                String at = "";
                VqTokenizer tok;
                if (checkpoint) {
                    EmojiPackBuilder.InProgress p = EmojiPackBuilder.checkpointTokenizer(tokenizer, m);
                    tok = p.tokenizer();
                    at = " at step " + p.step();
                } else {
                    tok = TrainedTokenizer.load(tokenizer, m);
                }
                int n = EmojiImages.fileNames(data.folder(), EmojiSplit.Part.HELD_OUT).size();
                double psnr = EmojiPackBuilder.heldOutPsnr(tok, data.folder(), m);
                System.out.printf(Locale.ROOT, "tokenizer%s PSNR over the %d held-out emoji: %.2f dB (bar %.1f dB)%n",
                        at, n, psnr, EmojiPackBuilder.PSNR_BAR);
            }
            return 0;
        }
    }

    @Command(name = "emoji-prior", mixinStandardHelpOptions = true,
            description = "Train the emoji pack's transformer prior on the tokens of an emoji tokenizer (resumes from --out).")
    static final class Prior implements Callable<Integer> {
        @Mixin
        EmojiCommon common = new EmojiCommon();
        @Mixin
        Data data = new Data();
        @Option(names = "--tokenizer", required = true, description = "the tokenizer's training folder")
        Path tokenizer;
        @Option(names = "--variants", defaultValue = "16", description = "augmented images per emoji to tokenise (default ${DEFAULT-VALUE})")
        int variants;
        @Mixin
        PriorTrainingOptions prior = new PriorTrainingOptions();

        @Override
        public Integer call() {
            try (NDManager m = common.manager()) {
                VqTokenizer tok = TrainedTokenizer.load(tokenizer, m);
                Files.createDirectories(common.out);
                // augmentation drawn from a stream of its own (seed + 1), not the tokenizer's
                EmojiImages images = EmojiImages.load(data.folder(), EmojiSplit.Part.TRAINING, variants,
                        common.seed + 1, EmojiImages.Augmentation.TRAINING);
                int[] tokens = TrainedTokenizer.tokens(tokenizer, tok, images, common.out.resolve("tokens.bin"), m);
                prior.train(tokens, tok, common.out, common.checkpointSeconds, common.seed, m);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }
    }

    @Command(name = "emoji-pack", mixinStandardHelpOptions = true,
            description = "Measure the emoji tokenizer on the held-out emoji and write the emoji pack from finished "
                    + "emoji-tokenizer and emoji-prior runs (refused below the PSNR bar).")
    static final class Pack implements Callable<Integer> {
        @Option(names = "--tokenizer", required = true)
        Path tokenizer;
        @Option(names = "--prior", required = true)
        Path prior;
        @Option(names = "--out", required = true, description = "the pack folder (models/emoji)")
        Path out;
        @Mixin
        Data data = new Data();
        @Option(names = "--allow-below-bar", description = "write the pack even if the tokenizer misses its bar")
        boolean allowBelowBar;

        @Override
        public Integer call() throws IOException {
            try (NDManager m = NDManager.newBaseManager()) {
                var manifest = EmojiPackBuilder.build(tokenizer, prior, data.folder(), out, allowBelowBar, m);
                System.out.println("pack written to " + out + "; tokenizer PSNR " + manifest.metrics());
            }
            return 0;
        }
    }

    @Command(name = "emoji-gallery", mixinStandardHelpOptions = true,
            description = "Write held-out emoji (on white, 64x64 RGB PNG) as the pack's gallery samples.")
    static final class Gallery implements Callable<Integer> {
        @Mixin
        Data data = new Data();
        @Option(names = "--out", defaultValue = "assets/samples/emoji", description = "folder (default ${DEFAULT-VALUE})")
        Path out;
        @Option(names = "--count", defaultValue = "8", description = "how many (default ${DEFAULT-VALUE})")
        int count;

        @Override
        public Integer call() throws IOException {
            if (count < 1 || count > 100) {
                throw new org.g2d2.core.InvalidInputException("--count must be from 1 to 100; found " + count);
            }
            var files = org.g2d2.train.GallerySamples.writeEmoji(data.folder(), count, out);
            System.out.println("wrote " + files.size() + " held-out emoji to " + out);
            return 0;
        }
    }

    @Command(name = "emoji-samples", mixinStandardHelpOptions = true,
            description = "Unconditional samples of an emoji pack's prior, each beside its nearest training emoji "
                    + "(pixel RMSE, mirror images included), against the same distance for held-out emoji: does the "
                    + "prior copy its training set? Writes emoji-samples.png and emoji-samples.md.")
    static final class Samples implements Callable<Integer> {
        @Option(names = "--pack", required = true, description = "the emoji pack folder")
        Path pack;
        @Mixin
        Data data = new Data();
        @Option(names = "--out", defaultValue = "docs", description = "folder for the figure and table (default ${DEFAULT-VALUE})")
        Path out;
        @Option(names = "--count", defaultValue = "16", description = "samples (default ${DEFAULT-VALUE})")
        int count;
        @Option(names = "--steps", defaultValue = "50", description = "sampling steps (default ${DEFAULT-VALUE})")
        int steps;
        @Option(names = "--held-out", defaultValue = "100", description = "held-out emoji for the yardstick (default ${DEFAULT-VALUE})")
        int heldOut;
        @Option(names = "--seed", defaultValue = "1")
        long seed;

        @Override
        public Integer call() throws IOException {
            if (count < 1 || count > 256 || steps < 1 || heldOut < 1) {
                throw new org.g2d2.core.InvalidInputException("--count must be 1..256, --steps and --held-out at "
                        + "least 1; found " + count + ", " + steps + ", " + heldOut);
            }
            var training = org.g2d2.train.EmojiData.set(data.folder(), EmojiSplit.Part.TRAINING, Integer.MAX_VALUE, false);
            var held = org.g2d2.train.EmojiData.set(data.folder(), EmojiSplit.Part.HELD_OUT, heldOut, false);
            java.util.List<String> names = EmojiImages.fileNames(data.folder(), EmojiSplit.Part.TRAINING);
            try (var p = org.g2d2.core.io.ModelPackLoader.load(pack, ai.djl.Device.cpu())) {
                var samples = org.g2d2.train.MemorisationCheck.samples(p, count, steps, seed);
                var r = org.g2d2.train.MemorisationCheck.check(samples, training.images(), held.images());
                Files.createDirectories(out);
                org.g2d2.core.io.ImageFiles.writePng(out.resolve("emoji-samples.png"),
                        org.g2d2.train.MemorisationCheck.figure(r, training.images(), names, 4));
                StringBuilder md = new StringBuilder();
                md.append(String.format(Locale.ROOT, "%d unconditional samples of %s (%d star-shaped steps, seed %d); "
                        + "nearest of %d training emoji by pixel RMSE on [0, 1], mirror images included.%n%n",
                        count, p.id(), steps, seed, training.size()));
                md.append("| sample | nearest training emoji | mirrored | RMSE |\n|---:|---|---|---:|\n");
                for (int i = 0; i < count; i++) {
                    var m = r.nearest().get(i);
                    md.append(String.format(Locale.ROOT, "| %d | %s | %s | %.4f |%n", i + 1, names.get(m.index()),
                            m.mirrored() ? "yes" : "no", m.rmse()));
                }
                String line = String.format(Locale.ROOT, "median nearest-training RMSE: samples %.4f; %d held-out emoji "
                        + "%.4f (new emoji of the same kind; a copy would be near 0)", r.sampleMedian(), held.size(),
                        r.heldOutMedian());
                md.append('\n').append(line).append(".\n");
                org.g2d2.core.AtomicFiles.writeString(out.resolve("emoji-samples.md"), md.toString());
                System.out.println(line + "; wrote " + out.resolve("emoji-samples.png"));
            }
            return 0;
        }
    }
}
