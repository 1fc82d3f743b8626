package org.g2d2.core.model;

/**
 * Where an image of its own size sits on tokens: an H×W image, tokenizer stride s, is restored on
 * a grid of ⌈H/s⌉×⌈W/s⌉ tokens — at least the prior's context, so a small image is padded, not
 * upscaled — and the prior is evaluated on windows of its context over that grid.
 *
 * @param height the image's rows in pixels
 * @param width the image's columns in pixels
 * @param stride pixels per token along each axis
 * @param grid the token grid of the whole image
 * @param windows the prior's windows over {@code grid}
 */
public record TokenLayout(int height, int width, int stride, TokenGrid grid, PriorWindows windows) {

    /**
     * @param context the prior's trained token grid (its codebook size and dimension are kept)
     * @param stride the tokenizer's pixels per token
     */
    public static TokenLayout of(int height, int width, TokenGrid context, int stride, PriorWindows.Settings settings) {
        int rows = Math.max(context.height(), ceilDiv(height, stride));
        int cols = Math.max(context.width(), ceilDiv(width, stride));
        TokenGrid grid = new TokenGrid(rows, cols, context.codebookSize(), context.embeddingDim());
        return new TokenLayout(height, width, stride, grid,
                new PriorWindows(rows, cols, context.height(), context.width(), settings));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** "8x8" style text for summaries. */
    public String gridText() {
        return grid.height() + "x" + grid.width();
    }
}
