package io.jgym.generative.metrics;

/**
 * The Frechet distance between two sets of feature vectors, each summarised by its mean and
 * covariance: {@code |mu1 - mu2|^2 + Tr(S1 + S2 - 2 (S1^1/2 S2 S1^1/2)^1/2)} (FID when the features
 * come from a classifier). Square roots of the symmetric matrices come from Jacobi eigenvalue
 * decompositions, so no native linear algebra is needed.
 */
public final class FrechetDistance {
    private static final int MAX_SWEEPS = 60;

    private final double[] referenceMean;
    private final double[][] referenceCovariance;
    private final double[][] referenceRoot;

    /** @param reference row-major [n, dimension] features of real data */
    public FrechetDistance(float[] reference, int dimension) {
        this.referenceMean = mean(reference, dimension);
        this.referenceCovariance = covariance(reference, dimension, referenceMean);
        this.referenceRoot = symmetricPower(referenceCovariance, 0.5);
    }

    /** The distance of {@code features} (row-major [m, dimension]) to the reference. */
    public double of(float[] features) {
        int d = referenceMean.length;
        double[] mean = mean(features, d);
        double[][] covariance = covariance(features, d, mean);
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            double diff = mean[i] - referenceMean[i];
            meanTerm += diff * diff;
        }
        double[][] product = multiply(multiply(referenceRoot, covariance), referenceRoot);
        double[] eigenvalues = eigenvalues(product);
        double crossTrace = 0;
        for (double value : eigenvalues) {
            crossTrace += Math.sqrt(Math.max(0, value));
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += referenceCovariance[i][i] + covariance[i][i];
        }
        return meanTerm + trace - 2 * crossTrace;
    }

    static double[] mean(float[] rows, int d) {
        int n = rows.length / d;
        double[] mean = new double[d];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                mean[i] += rows[r * d + i];
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= n;
        }
        return mean;
    }

    static double[][] covariance(float[] rows, int d, double[] mean) {
        int n = rows.length / d;
        double[][] c = new double[d][d];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                double a = rows[r * d + i] - mean[i];
                for (int j = i; j < d; j++) {
                    c[i][j] += a * (rows[r * d + j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= Math.max(1, n - 1);
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /** {@code S^power} of a symmetric positive semi-definite matrix (negative eigenvalues clipped to 0). */
    static double[][] symmetricPower(double[][] s, double power) {
        int d = s.length;
        double[][] a = copy(s);
        double[][] v = identity(d);
        jacobi(a, v);
        double[][] result = new double[d][d];
        for (int k = 0; k < d; k++) {
            double scaled = Math.pow(Math.max(0, a[k][k]), power);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    result[i][j] += v[i][k] * scaled * v[j][k];
                }
            }
        }
        return result;
    }

    static double[] eigenvalues(double[][] s) {
        double[][] a = copy(s);
        jacobi(a, identity(s.length));
        double[] values = new double[s.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = a[i][i];
        }
        return values;
    }

    /** Cyclic Jacobi rotations: diagonalises symmetric {@code a} in place, accumulating eigenvectors in {@code v}. */
    private static void jacobi(double[][] a, double[][] v) {
        int d = a.length;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double diagonal = 0;
            for (int i = 0; i < d; i++) {
                diagonal += a[i][i] * a[i][i];
                for (int j = i + 1; j < d; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-22 * Math.max(diagonal, 1e-300)) {
                return;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < d; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < d; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < d; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int d = x.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double xik = x[i][k];
                for (int j = 0; j < d; j++) {
                    out[i][j] += xik * y[k][j];
                }
            }
        }
        return out;
    }

    private static double[][] copy(double[][] s) {
        double[][] out = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i].clone();
        }
        return out;
    }

    private static double[][] identity(int d) {
        double[][] id = new double[d][d];
        for (int i = 0; i < d; i++) {
            id[i][i] = 1;
        }
        return id;
    }
}
