package org.mnistlab.insight;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Principal component analysis: the eigen decomposition of the covariance of the centered data (d×d, so
 * cheap for d = 784 and n = 10,000: one matrix product and one LAPACK call).
 *
 * @param mean the data's mean per dimension
 * @param components one unit row per component, largest variance first; each oriented so that its largest
 *                   entry is positive (eigenvectors have no sign of their own)
 * @param variances the variance along each component
 * @param totalVariance the variance of the data over all dimensions
 */
public record Pca(float[] mean, float[][] components, double[] variances, double totalVariance) {

    /**
     * @param data n rows of d values, n ≥ 2
     * @param k how many components to keep, at most d
     */
    public static Pca fit(float[][] data, int k) {
        int n = data.length;
        int d = data[0].length;
        if (n < 2 || k < 1 || k > d) {
            throw new IllegalArgumentException("PCA needs 2+ rows and 1.." + d + " components, got " + n + " and " + k);
        }
        INDArray x = Nd4j.createFromArray(data).castTo(DataType.DOUBLE);
        INDArray mean = x.mean(0);
        INDArray centered = x.subRowVector(mean);
        INDArray covariance = centered.transpose().mmul(centered).divi(n - 1);
        double total = centered.mul(centered).sumNumber().doubleValue() / (n - 1);
        // ascending eigenvalues; the matrix is overwritten with the eigenvectors, one per column
        INDArray values = Eigen.symmetricGeneralizedEigenvalues(covariance, true);
        float[][] components = new float[k][];
        double[] variances = new double[k];
        for (int c = 0; c < k; c++) {
            int column = d - 1 - c;
            double[] v = covariance.getColumn(column).toDoubleVector();
            int largest = 0;
            for (int i = 1; i < d; i++) {
                if (Math.abs(v[i]) > Math.abs(v[largest])) {
                    largest = i;
                }
            }
            double sign = v[largest] < 0 ? -1 : 1;
            components[c] = new float[d];
            for (int i = 0; i < d; i++) {
                components[c][i] = (float) (sign * v[i]);
            }
            variances[c] = Math.max(0, values.getDouble(column));
        }
        return new Pca(mean.toFloatVector(), components, variances, total);
    }

    /** Each row's coordinates along the components. */
    public float[][] project(float[][] data) {
        INDArray x = Nd4j.createFromArray(data).subRowVector(Nd4j.createFromArray(mean));
        return x.mmul(Nd4j.createFromArray(components).transpose()).toFloatMatrix();
    }

    /** The share of the total variance each component explains. */
    public double[] explainedRatio() {
        double[] ratio = new double[variances.length];
        for (int c = 0; c < ratio.length; c++) {
            ratio[c] = totalVariance > 0 ? variances[c] / totalVariance : 0;
        }
        return ratio;
    }
}
