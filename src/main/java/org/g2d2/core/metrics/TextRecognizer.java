package org.g2d2.core.metrics;

import org.g2d2.core.Image;

/** Reads the printed text in a grey image (an OCR engine), for judging restorations of text. */
public interface TextRecognizer {

    /** The text the engine reads in {@code image} (grey, values in [−1, 1]); empty if it reads none. */
    String read(Image image);
}
