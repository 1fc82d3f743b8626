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
}
