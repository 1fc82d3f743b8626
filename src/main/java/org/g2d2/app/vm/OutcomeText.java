package org.g2d2.app.vm;

import java.util.Locale;
import org.g2d2.core.Restorer;

/** A restoration's metrics in one line, the same in the compare view and the batch list. */
public final class OutcomeText {

    private OutcomeText() {
    }

    /** "PSNR 24.31 dB · SSIM 0.812 · residual 1.02×σ", or only the residual when there is no truth. */
    public static String metrics(Restorer.Outcome o) {
        String residual = String.format(Locale.ROOT, "residual %.2f\u00d7\u03c3", o.residualRatio());
        if (!o.hasTruth()) {
            return residual;
        }
        return String.format(Locale.ROOT, "PSNR %.2f dB \u00b7 SSIM %.3f \u00b7 %s", o.psnr(), o.ssim(), residual);
    }

    /** "70×45 · 18×12 tokens · 4 prior windows · prior on luma (chroma: classical)", then the restorer's notes. */
    public static String details(Restorer.Outcome o) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d\u00d7%d \u00b7 %d\u00d7%d tokens \u00b7 %d prior "
                + "window%s \u00b7 prior on %s", o.restored().width(), o.restored().height(), o.layout().grid().width(),
                o.layout().grid().height(), o.layout().windows().count(), o.layout().windows().count() == 1 ? "" : "s",
                o.channels().description()));
        for (String note : o.notes()) {
            b.append("\n").append(note);
        }
        return b.toString();
    }
}
