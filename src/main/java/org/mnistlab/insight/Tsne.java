package org.mnistlab.insight;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * Barnes-Hut t-SNE (van der Maaten 2014), small and dependency-free: DL4J's own {@code BarnesHutTsne} is
 * published only as 1.0.0-beta7 (built for an older ND4J than our M2.1), and the registry serves no
 * permissive UMAP/t-SNE jar. The data is first reduced to 50 dimensions by PCA; input affinities use each point's
 * {@code 3 × perplexity} nearest neighbours (exact, brute force) with the perplexity found by binary search,
 * symmetrized; the gradient's attraction runs over those sparse affinities and its repulsion over a quadtree
 * (θ = 0.5). Optimization as in the reference: early exaggeration 12 for 250 iterations, momentum 0.5 then 0.8,
 * per-coordinate gains, learning rate max(200, n / 12).
 */
public final class Tsne {

    public static final int ITERATIONS = 1000;
    private static final int EXAGGERATION_ITERATIONS = 250;
    private static final double THETA = 0.5;
    private static final int PCA_DIMS = 50;

    /** Where a run is: the phase in words and its share of the work done (0..1). */
    public interface Progress {
        void report(String phase, double done);
    }

    private Tsne() {
    }

    /**
     * @param data n rows of d values
     * @param perplexity about how many neighbours each point pays attention to (30 is usual)
     * @param cancelled checked between iterations; a cancelled run returns null
     * @return n rows of (x, y), or null when cancelled
     */
    public static float[][] embed(float[][] data, double perplexity, long seed, Progress progress,
                                  BooleanSupplier cancelled) {
        int n = data.length;
        progress.report("PCA to " + PCA_DIMS + " dimensions", 0);
        float[][] x = data[0].length > PCA_DIMS ? Pca.fit(data, PCA_DIMS).project(data) : data;
        int k = Math.min(n - 1, (int) (3 * perplexity));
        progress.report("nearest neighbours", 0.02);
        int[][] neighbours = new int[n][];
        double[][] distances = new double[n][];
        IntStream.range(0, n).parallel().forEach(i -> nearest(x, i, k, neighbours, distances));
        if (cancelled.getAsBoolean()) {
            return null;
        }
        progress.report("affinities", 0.1);
        Sparse p = affinities(neighbours, distances, Math.min(perplexity, (n - 1) / 3.0));
        double[] y = new double[2 * n];
        Random random = new Random(seed);
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextGaussian() * 1e-4;
        }
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        Arrays.fill(gains, 1);
        double rate = Math.max(200, n / 12.0);
        double[] gradient = new double[2 * n];
        for (int it = 0; it < ITERATIONS; it++) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            double exaggeration = it < EXAGGERATION_ITERATIONS ? 12 : 1;
            double momentum = it < EXAGGERATION_ITERATIONS ? 0.5 : 0.8;
            gradient(p, y, exaggeration, gradient);
            for (int i = 0; i < y.length; i++) {
                boolean sameSign = Math.signum(gradient[i]) == Math.signum(update[i]);
                gains[i] = Math.max(0.01, sameSign ? gains[i] * 0.8 : gains[i] + 0.2);
                update[i] = momentum * update[i] - rate * gains[i] * gradient[i];
                y[i] += update[i];
            }
            center(y);
            if (it % 10 == 0) {
                progress.report("iteration " + it + " of " + ITERATIONS, 0.1 + 0.9 * it / ITERATIONS);
            }
        }
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new float[] {(float) y[2 * i], (float) y[2 * i + 1]};
        }
        return out;
    }

    private static void nearest(float[][] x, int i, int k, int[][] neighbours, double[][] distances) {
        int n = x.length;
        double[] d = new double[n];
        float[] a = x[i];
        for (int j = 0; j < n; j++) {
            float[] b = x[j];
            double s = 0;
            for (int c = 0; c < a.length; c++) {
                double diff = a[c] - b[c];
                s += diff * diff;
            }
            d[j] = s;
        }
        d[i] = Double.POSITIVE_INFINITY;
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        // sorts every distance: simple; a bounded heap of k would be faster
        Arrays.sort(order, (p, q) -> Double.compare(d[p], d[q]));
        neighbours[i] = new int[k];
        distances[i] = new double[k];
        for (int m = 0; m < k; m++) {
            neighbours[i][m] = order[m];
            distances[i][m] = d[order[m]];
        }
    }

    /** Symmetric affinities in compressed rows: p_ij = (p_j|i + p_i|j) / 2n, summing to 1. */
    record Sparse(int[] rowStart, int[] columns, double[] values) {
    }

    static Sparse affinities(int[][] neighbours, double[][] distances, double perplexity) {
        int n = neighbours.length;
        double[][] conditional = new double[n][];
        double target = Math.log(perplexity);
        IntStream.range(0, n).parallel().forEach(i -> conditional[i] = conditional(distances[i], target));
        // symmetrize: each edge i→j adds to (i, j) and (j, i)
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j : neighbours[i]) {
                counts[i]++;
                counts[j]++;
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + counts[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] cols = new int[start[n]];
        double[] vals = new double[start[n]];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < neighbours[i].length; m++) {
                int j = neighbours[i][m];
                double v = conditional[i][m] / (2.0 * n);
                cols[fill[i]] = j;
                vals[fill[i]++] = v;
                cols[fill[j]] = i;
                vals[fill[j]++] = v;
            }
        }
        return new Sparse(start, cols, vals); // duplicate (i, j) entries simply add up in the gradient
    }

    /** p_j|i over the neighbours, with the Gaussian's precision found by bisection to match the perplexity. */
    private static double[] conditional(double[] d, double targetEntropy) {
        double beta = 1;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double[] p = new double[d.length];
        double min = d[0];
        for (int step = 0; step < 200; step++) {
            double sum = 0;
            double weighted = 0;
            for (int m = 0; m < d.length; m++) {
                p[m] = Math.exp(-beta * (d[m] - min)); // shifted by the nearest distance: no underflow
                sum += p[m];
                weighted += p[m] * (d[m] - min);
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            for (int m = 0; m < d.length; m++) {
                p[m] /= sum;
            }
            if (Math.abs(entropy - targetEntropy) < 1e-5) {
                break;
            }
            if (entropy > targetEntropy) {
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
        }
        return p;
    }

    /** The KL gradient: sparse attraction (times the exaggeration) minus Barnes-Hut repulsion / Z. */
    private static void gradient(Sparse p, double[] y, double exaggeration, double[] out) {
        int n = y.length / 2;
        QuadTree tree = QuadTree.of(y);
        double[] repulsion = new double[2 * n];
        double z = IntStream.range(0, n).parallel().mapToDouble(i -> {
            double[] force = new double[3];
            tree.repulsion(y[2 * i], y[2 * i + 1], THETA, force);
            repulsion[2 * i] = force[0];
            repulsion[2 * i + 1] = force[1];
            return force[2];
        }).sum();
        IntStream.range(0, n).parallel().forEach(i -> {
            double ax = 0;
            double ay = 0;
            double xi = y[2 * i];
            double yi = y[2 * i + 1];
            for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                int j = p.columns()[e];
                double dx = xi - y[2 * j];
                double dy = yi - y[2 * j + 1];
                double w = 1 / (1 + dx * dx + dy * dy);
                ax += p.values()[e] * w * dx;
                ay += p.values()[e] * w * dy;
            }
            out[2 * i] = 4 * (exaggeration * ax - repulsion[2 * i] / z);
            out[2 * i + 1] = 4 * (exaggeration * ay - repulsion[2 * i + 1] / z);
        });
    }

    private static void center(double[] y) {
        int n = y.length / 2;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += y[2 * i];
            my += y[2 * i + 1];
        }
        mx /= n;
        my /= n;
        for (int i = 0; i < n; i++) {
            y[2 * i] -= mx;
            y[2 * i + 1] -= my;
        }
    }

    /** A point quadtree with each cell's point count and centre of mass, rebuilt every iteration. */
    static final class QuadTree {
        private final double cx;
        private final double cy;
        private final double half;
        private int count;
        private double sumX;
        private double sumY;
        private double pointX;
        private double pointY;
        private QuadTree[] children;

        private QuadTree(double cx, double cy, double half) {
            this.cx = cx;
            this.cy = cy;
            this.half = half;
        }

        static QuadTree of(double[] y) {
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < y.length; i += 2) {
                minX = Math.min(minX, y[i]);
                maxX = Math.max(maxX, y[i]);
                minY = Math.min(minY, y[i + 1]);
                maxY = Math.max(maxY, y[i + 1]);
            }
            double half = Math.max(maxX - minX, maxY - minY) / 2 + 1e-5;
            QuadTree root = new QuadTree((minX + maxX) / 2, (minY + maxY) / 2, half);
            for (int i = 0; i < y.length; i += 2) {
                root.insert(y[i], y[i + 1], 0);
            }
            return root;
        }

        private void insert(double x, double y, int depth) {
            if (count == 0) {
                pointX = x;
                pointY = y;
            } else if (children == null && depth < 40) {
                // a leaf gets a second point: split and push the first one down (identical points stay together)
                if (pointX != x || pointY != y) {
                    children = new QuadTree[4];
                    child(pointX, pointY).insertAll(pointX, pointY, count, depth + 1);
                }
            }
            count++;
            sumX += x;
            sumY += y;
            if (children != null) {
                child(x, y).insert(x, y, depth + 1);
            }
        }

        /** Inserts {@code times} copies of one point (a leaf being split). */
        private void insertAll(double x, double y, int times, int depth) {
            for (int t = 0; t < times; t++) {
                insert(x, y, depth);
            }
        }

        private QuadTree child(double x, double y) {
            int q = (x >= cx ? 1 : 0) + (y >= cy ? 2 : 0);
            if (children[q] == null) {
                double h = half / 2;
                children[q] = new QuadTree(cx + (x >= cx ? h : -h), cy + (y >= cy ? h : -h), h);
            }
            return children[q];
        }

        /** Adds to force[0..1] the unnormalized repulsion on (x, y) and to force[2] its share of Z. */
        void repulsion(double x, double y, double theta, double[] force) {
            if (count == 0) {
                return;
            }
            double mx = sumX / count;
            double my = sumY / count;
            double dx = x - mx;
            double dy = y - my;
            double d2 = dx * dx + dy * dy;
            boolean leaf = children == null;
            if (leaf || (2 * half) * (2 * half) < theta * theta * d2) {
                if (leaf && d2 == 0) {
                    // the point itself (and exact duplicates, which exert no defined force)
                    return;
                }
                double w = 1 / (1 + d2);
                force[0] += count * w * w * dx;
                force[1] += count * w * w * dy;
                force[2] += count * w;
                return;
            }
            for (QuadTree c : children) {
                if (c != null) {
                    c.repulsion(x, y, theta, force);
                }
            }
        }
    }
}
