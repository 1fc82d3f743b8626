package org.g2d2.core.baseline;

/**
 * Eigen-decomposition of a small symmetric matrix S = V Λ Vᵀ by cyclic Jacobi rotations. The
 * baselines only need it for the n × n Gram matrices RᵀR of one image side (n is the image's
 * height or width), where Jacobi is simple, accurate and fast enough.
 *
 * @param values λ_k
 * @param vectors V, row-major n × n, eigenvector k in column k
 */
record SymmetricEigen(double[] values, double[] vectors) {

    static SymmetricEigen of(double[] symmetric, int n) {
        double[] a = symmetric.clone();
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int p = 0; p < n; p++) {
                diag += a[p * n + p] * a[p * n + p];
                for (int q = p + 1; q < n; q++) {
                    off += a[p * n + q] * a[p * n + q];
                }
            }
            if (off <= 1e-30 * Math.max(diag, 1e-300)) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p * n + q];
                    if (Math.abs(apq) < 1e-300) {
                        continue;
                    }
                    // the rotation that zeroes a[p][q] (Rutishauser's stable form)
                    double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k * n + p];
                        double akq = a[k * n + q];
                        a[k * n + p] = c * akp - s * akq;
                        a[k * n + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p * n + k];
                        double aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k * n + p];
                        double vkq = v[k * n + q];
                        v[k * n + p] = c * vkp - s * vkq;
                        v[k * n + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i * n + i];
        }
        return new SymmetricEigen(values, v);
    }

    /** MᵀM for a row-major r × c matrix M (c × c). */
    static double[] gram(double[] m, int r, int c) {
        double[] g = new double[c * c];
        for (int i = 0; i < c; i++) {
            for (int j = i; j < c; j++) {
                double s = 0;
                for (int k = 0; k < r; k++) {
                    s += m[k * c + i] * m[k * c + j];
                }
                g[i * c + j] = s;
                g[j * c + i] = s;
            }
        }
        return g;
    }
}
