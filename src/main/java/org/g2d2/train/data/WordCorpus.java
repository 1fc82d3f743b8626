package org.g2d2.train.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.g2d2.core.InvalidInputException;

/**
 * Words to render: the American English word list of the Debian package {@code wamerican}
 * ({@code /usr/share/dict/words}), letters only, with the capitals, punctuation and numbers of
 * running text added at random.
 */
public final class WordCorpus {

    public static final Path DEBIAN_WORDS = Path.of("/usr/share/dict/words");
    private static final String PUNCT = ",,,..;:!?";

    private final List<String> words;

    public WordCorpus(List<String> words) {
        if (words.isEmpty()) {
            throw new InvalidInputException("the word list is empty; at least one word is needed");
        }
        this.words = List.copyOf(words);
    }

    private static WordCorpus debian;

    /** The Debian word list, read once per process. */
    public static synchronized WordCorpus debian() {
        if (debian == null) {
            debian = load(DEBIAN_WORDS);
        }
        return debian;
    }

    /** The word list of {@code file} (one word a line), keeping only words of ASCII letters. */
    public static WordCorpus load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("word list '" + file + "' is missing; install the Debian package wamerican");
        }
        try {
            return new WordCorpus(Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(w -> w.matches("[A-Za-z]{1,14}")).toList());
        } catch (IOException e) {
            throw new InvalidInputException("word list '" + file + "' cannot be read: " + e.getMessage());
        }
    }

    public int size() {
        return words.size();
    }

    /** One token of running text: mostly a lower-case word, sometimes capitalised, punctuated or a number. */
    public String next(SplittableRandom rng) {
        double u = rng.nextDouble();
        if (u < 0.05) {
            return Integer.toString(rng.nextInt(rng.nextBoolean() ? 100 : 10_000));
        }
        String w = words.get(rng.nextInt(words.size()));
        if (u < 0.20) {
            w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
        } else if (u < 0.23) {
            w = w.toUpperCase(java.util.Locale.ROOT);
        } else if (u < 0.90) {
            w = w.toLowerCase(java.util.Locale.ROOT);
        }
        if (rng.nextDouble() < 0.12) {
            w += PUNCT.charAt(rng.nextInt(PUNCT.length()));
        }
        return w;
    }
}
