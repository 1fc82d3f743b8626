package org.g2d2.train.data;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.g2d2.core.InvalidInputException;

/**
 * One font file of a Debian font package, with the style class and weight the text generator
 * draws it as.
 *
 * @param family the family name as the package calls it
 * @param style serif, sans or mono
 * @param bold whether this file is the family's bold face
 * @param file the font file
 * @param debianPackage the package that installs it
 */
public record FontFace(String family, Style style, boolean bold, Path file, String debianPackage) {

    /** The broad look of a family. */
    public enum Style { SERIF, SANS, MONO }

    /** A short name for logs and file names, e.g. "DejaVu Sans Bold". */
    public String label() {
        return family + (bold ? " Bold" : "");
    }

    /**
     * True for the families kept out of training for held-out tests: the URW base-35 fonts
     * (Nimbus, C059, P052, URW…, package fonts-urw-base35) and Latin Modern (fonts-lmodern).
     */
    public boolean heldOut() {
        String f = (family + " " + file.getFileName() + " " + debianPackage).toLowerCase(Locale.ROOT);
        return f.contains("nimbus") || f.contains("c059") || f.contains("p052") || f.contains("urw")
                || f.contains("latin modern") || f.contains("lmodern") || f.matches(".*\\blm(roman|sans|mono).*");
    }

    /** Loads the file at size 1 (callers derive sizes). */
    public Font load() {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("font file '" + file + "' is missing; install the Debian package "
                    + debianPackage);
        }
        try {
            return Font.createFont(Font.TRUETYPE_FONT, file.toFile());
        } catch (FontFormatException | IOException e) {
            throw new InvalidInputException("font file '" + file + "' cannot be read: " + e.getMessage());
        }
    }
}
