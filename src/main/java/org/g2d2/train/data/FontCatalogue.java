package org.g2d2.train.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.g2d2.core.InvalidInputException;
import org.g2d2.train.data.FontFace.Style;

/**
 * The font files the text generator uses, from Debian font packages (docs/TRAINING.md lists them
 * with their licences). The training set and the held-out set never share a family: the held-out
 * families (URW base-35, Latin Modern) are what tests and evaluation render with, so a pack is
 * judged on letter shapes it has never seen.
 */
public final class FontCatalogue {

    private static final Path TT = Path.of("/usr/share/fonts/truetype");
    private static final Path URW = Path.of("/usr/share/fonts/opentype/urw-base35");
    private static final Path LM = Path.of("/usr/share/texmf/fonts/opentype/public/lm");

    private FontCatalogue() {
    }

    /** Every training face (regular and bold of each family), whether installed or not. */
    public static List<FontFace> trainingFaces() {
        List<FontFace> f = new ArrayList<>();
        pair(f, "DejaVu Sans", Style.SANS, TT.resolve("dejavu/DejaVuSans.ttf"), TT.resolve("dejavu/DejaVuSans-Bold.ttf"), "fonts-dejavu-core");
        pair(f, "DejaVu Serif", Style.SERIF, TT.resolve("dejavu/DejaVuSerif.ttf"), TT.resolve("dejavu/DejaVuSerif-Bold.ttf"), "fonts-dejavu-core");
        pair(f, "DejaVu Sans Mono", Style.MONO, TT.resolve("dejavu/DejaVuSansMono.ttf"), TT.resolve("dejavu/DejaVuSansMono-Bold.ttf"), "fonts-dejavu-core");
        pair(f, "Liberation Sans", Style.SANS, TT.resolve("liberation2/LiberationSans-Regular.ttf"), TT.resolve("liberation2/LiberationSans-Bold.ttf"), "fonts-liberation2");
        pair(f, "Liberation Serif", Style.SERIF, TT.resolve("liberation2/LiberationSerif-Regular.ttf"), TT.resolve("liberation2/LiberationSerif-Bold.ttf"), "fonts-liberation2");
        pair(f, "Liberation Mono", Style.MONO, TT.resolve("liberation2/LiberationMono-Regular.ttf"), TT.resolve("liberation2/LiberationMono-Bold.ttf"), "fonts-liberation2");
        pair(f, "FreeSans", Style.SANS, TT.resolve("freefont/FreeSans.ttf"), TT.resolve("freefont/FreeSansBold.ttf"), "fonts-freefont-ttf");
        pair(f, "FreeSerif", Style.SERIF, TT.resolve("freefont/FreeSerif.ttf"), TT.resolve("freefont/FreeSerifBold.ttf"), "fonts-freefont-ttf");
        pair(f, "FreeMono", Style.MONO, TT.resolve("freefont/FreeMono.ttf"), TT.resolve("freefont/FreeMonoBold.ttf"), "fonts-freefont-ttf");
        pair(f, "Carlito", Style.SANS, TT.resolve("crosextra/Carlito-Regular.ttf"), TT.resolve("crosextra/Carlito-Bold.ttf"), "fonts-crosextra-carlito");
        pair(f, "Caladea", Style.SERIF, TT.resolve("crosextra/Caladea-Regular.ttf"), TT.resolve("crosextra/Caladea-Bold.ttf"), "fonts-crosextra-caladea");
        return List.copyOf(f);
    }

    /** Every held-out face: the URW base-35 and Latin Modern families, regular and bold. */
    public static List<FontFace> heldOutFaces() {
        List<FontFace> f = new ArrayList<>();
        pair(f, "Nimbus Sans", Style.SANS, URW.resolve("NimbusSans-Regular.otf"), URW.resolve("NimbusSans-Bold.otf"), "fonts-urw-base35");
        pair(f, "Nimbus Roman", Style.SERIF, URW.resolve("NimbusRoman-Regular.otf"), URW.resolve("NimbusRoman-Bold.otf"), "fonts-urw-base35");
        pair(f, "Nimbus Mono PS", Style.MONO, URW.resolve("NimbusMonoPS-Regular.otf"), URW.resolve("NimbusMonoPS-Bold.otf"), "fonts-urw-base35");
        pair(f, "C059", Style.SERIF, URW.resolve("C059-Roman.otf"), URW.resolve("C059-Bold.otf"), "fonts-urw-base35");
        pair(f, "P052", Style.SERIF, URW.resolve("P052-Roman.otf"), URW.resolve("P052-Bold.otf"), "fonts-urw-base35");
        pair(f, "Latin Modern Roman", Style.SERIF, LM.resolve("lmroman10-regular.otf"), LM.resolve("lmroman10-bold.otf"), "fonts-lmodern");
        pair(f, "Latin Modern Sans", Style.SANS, LM.resolve("lmsans10-regular.otf"), LM.resolve("lmsans10-bold.otf"), "fonts-lmodern");
        pair(f, "Latin Modern Mono", Style.MONO, LM.resolve("lmmonolt10-regular.otf"), LM.resolve("lmmonolt10-bold.otf"), "fonts-lmodern");
        return List.copyOf(f);
    }

    /**
     * The installed faces of {@code set}; an error naming the packages to install if none is.
     * Training never gets a held-out face, whatever list it is handed.
     */
    public static List<FontFace> installed(List<FontFace> set, boolean training) {
        List<FontFace> out = new ArrayList<>();
        for (FontFace f : set) {
            if (training && f.heldOut()) {
                throw new InvalidInputException("font '" + f.label() + "' (" + f.file() + ") is held out for tests "
                        + "and may not be used for training; allowed: faces outside fonts-urw-base35 and fonts-lmodern");
            }
            if (Files.isRegularFile(f.file())) {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("none of the text generator's fonts is installed; install the Debian "
                    + "packages " + set.stream().map(FontFace::debianPackage).distinct().toList());
        }
        return List.copyOf(out);
    }

    private static void pair(List<FontFace> f, String family, Style style, Path regular, Path bold, String pkg) {
        f.add(new FontFace(family, style, false, regular, pkg));
        f.add(new FontFace(family, style, true, bold, pkg));
    }
}
