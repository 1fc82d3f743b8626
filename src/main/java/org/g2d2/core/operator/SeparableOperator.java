package org.g2d2.core.operator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A linear operator that acts on rows and columns separately: A(x) = R · x · Cᵀ per channel,
 * with R (H' × H) and C (W' × W). Blur with reflect padding and resampling are all of this form,
 * so their boundary handling is folded into the two matrices once.
 */
public final class SeparableOperator implements ForwardOperator, AutoCloseable {

    private final int inHeight;
    private final int inWidth;
    private final int outHeight;
    private final int outWidth;
    private final NDArray rowsT;
    private final NDArray colsT;
    private final NDArray rows;
    private final NDArray cols;

    /**
     * @param rowMatrix R, row-major H' × H
     * @param colMatrix C, row-major W' × W
     */
    public SeparableOperator(NDManager manager, float[] rowMatrix, int outHeight, int inHeight,
                             float[] colMatrix, int outWidth, int inWidth) {
        this.inHeight = inHeight;
        this.inWidth = inWidth;
        this.outHeight = outHeight;
        this.outWidth = outWidth;
        this.rows = manager.create(rowMatrix, new Shape(outHeight, inHeight));
        this.cols = manager.create(colMatrix, new Shape(outWidth, inWidth));
        this.rowsT = rows.transpose();
        this.colsT = cols.transpose();
    }

    @Override
    public NDArray apply(NDArray x) {
        return multiply(x, colsT, rowsT);
    }

    @Override
    public NDArray adjoint(NDArray y) {
        return multiply(y, cols, rows);
    }

    // x-first products, so results belong to x's manager: (x · Cᵀ)ᵀ · Rᵀ, transposed back
    private static NDArray multiply(NDArray x, NDArray right, NDArray leftT) {
        return x.matMul(right).transpose(0, 1, 3, 2).matMul(leftT).transpose(0, 1, 3, 2);
    }

    @Override
    public int[] outputSize(int height, int width) {
        if (height != inHeight || width != inWidth) {
            throw new IllegalArgumentException("operator built for " + inHeight + "x" + inWidth + " images; got "
                    + height + "x" + width);
        }
        return new int[] {outHeight, outWidth};
    }

    @Override
    public void close() {
        rows.close();
        cols.close();
        rowsT.close();
        colsT.close();
    }
}
