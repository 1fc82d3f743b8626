package org.g2d2.core.metrics;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.g2d2.core.Image;

/**
 * Tesseract as the OCR judge of text restorations, run as the {@code tesseract} command (Debian
 * packages tesseract-ocr and tesseract-ocr-eng) on a temporary PNG.
 *
 * <p>Why the command and not a Java binding: a binding loads native Tesseract and Leptonica into
 * this process next to PyTorch (Tess4J through JNA against the installed library's ABI, the JavaCPP
 * presets with builds of their own, of other versions than Debian's). The command is exactly the
 * Debian build CI installs, runs in its own process (a crash or hang costs one reading, bounded by
 * a timeout), and next to a reading of about a second its start-up cost is negligible.
 *
 * @param command the executable ("tesseract" on the PATH)
 * @param pageSegMode Tesseract's page segmentation mode (6: one uniform block of text)
 * @param upscale integer factor the image is enlarged by (bicubic) before reading, since Tesseract
 *                reads x-heights under about 20 px poorly
 * @param timeout how long one reading may take
 */
public record TesseractOcr(String command, int pageSegMode, int upscale, Duration timeout) implements TextRecognizer {

    public TesseractOcr {
        if (pageSegMode < 0 || pageSegMode > 13 || upscale < 1 || upscale > 8 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Tesseract settings out of range: page segmentation mode 0..13, "
                    + "upscale 1..8, timeout > 0 are allowed; found " + pageSegMode + ", " + upscale + ", " + timeout);
        }
    }

    /** English, one block of text, ×2 enlargement, 60 s per reading. */
    public static TesseractOcr english() {
        return new TesseractOcr("tesseract", 6, 2, Duration.ofSeconds(60));
    }

    /** Whether {@code tesseract --version} runs here. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String read(Image image) {
        if (image.channels() != 1) {
            throw new IllegalArgumentException("OCR reads grey images; found " + image.channels() + " channels");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("g2d2-ocr");
            Path png = dir.resolve("page.png");
            Path txt = dir.resolve("page.txt");
            ImageIO.write(enlarged(toGrey(image)), "png", png.toFile());
            // Tesseract writes <base>.txt itself; its console output goes to a file so a full pipe cannot block it.
            Process p = new ProcessBuilder(command, png.toString(), dir.resolve("page").toString(), "-l", "eng",
                    "--psm", Integer.toString(pageSegMode), "--dpi", "300")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("tesseract took longer than " + timeout + " on a "
                        + image.width() + "x" + image.height() + " image");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("tesseract failed (exit " + p.exitValue() + "): "
                        + Files.readString(dir.resolve("log.txt")).strip());
            }
            return Files.readString(txt, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + " (install the Debian packages tesseract-ocr and "
                    + "tesseract-ocr-eng)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while tesseract was reading", e);
        } finally {
            deleteAll(dir);
        }
    }

    private BufferedImage enlarged(BufferedImage img) {
        if (upscale == 1) {
            return img;
        }
        BufferedImage big = new BufferedImage(img.getWidth() * upscale, img.getHeight() * upscale,
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = big.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(img, 0, 0, big.getWidth(), big.getHeight(), null);
        } finally {
            g.dispose();
        }
        return big;
    }

    private static BufferedImage toGrey(Image image) {
        BufferedImage img = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                img.getRaster().setSample(x, y, 0, Math.round(Ssim.unit(image.get(0, y, x)) * 255));
            }
        }
        return img;
    }

    private static void deleteAll(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temp file is harmless; the reading itself succeeded or already failed
        }
    }
}
