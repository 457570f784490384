package org.mnistlab.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mnistlab.training.BatchProgress;

/**
 * The training loss across a whole run from batch progress, which carries the mean of the epoch's batches so
 * far: two reports of one epoch give the exact mean of the batches between them ({@code (k2·m2 − k1·m1) /
 * (k2 − k1)}), even when reports in between were dropped. So each point is the loss of recent batches only,
 * not a running mean that hides spikes, and the trace does not restart with each epoch.
 */
public final class BatchLossTrace {

    /** A point: {@code position} in epochs (1.5 = half way through the second), the batches' mean loss. */
    public record Point(double position, double loss) {
    }

    private final List<Point> points = new ArrayList<>();
    private int epoch;
    private int batch;
    private double mean;

    /** Takes a progress report; returns the new point, or empty for other phases and repeated reports. */
    public Optional<Point> add(BatchProgress p) {
        if (p.phase() != BatchProgress.Phase.TRAINING || !Double.isFinite(p.loss()) || p.batch() <= 0) {
            return Optional.empty();
        }
        boolean sameEpoch = p.epoch() == epoch;
        if (sameEpoch && p.batch() <= batch) {
            return Optional.empty();
        }
        int fromBatch = sameEpoch ? batch : 0;
        double fromSum = sameEpoch ? mean * batch : 0;
        double loss = (p.loss() * p.batch() - fromSum) / (p.batch() - fromBatch);
        epoch = p.epoch();
        batch = p.batch();
        mean = p.loss();
        Point point = new Point(p.epoch() - 1 + (double) p.batch() / Math.max(1, p.batches()), loss);
        points.add(point);
        return Optional.of(point);
    }

    public int size() {
        return points.size();
    }

    public List<Point> points() {
        return List.copyOf(points);
    }

    /**
     * TensorBoard's smoothing: an exponential moving average with weight {@code weight} (0 = none, 0.99 =
     * heavy), debiased so the first points are not pulled towards zero.
     */
    public static List<Double> smooth(List<Double> values, double weight) {
        List<Double> out = new ArrayList<>(values.size());
        double last = 0;
        int n = 0;
        for (double v : values) {
            last = last * weight + (1 - weight) * v;
            n++;
            double debias = weight >= 1 ? 1 : 1 - Math.pow(weight, n);
            out.add(last / debias);
        }
        return out;
    }

    /** Smoothed loss of all points so far. */
    public List<Double> smoothed(double weight) {
        return smooth(points.stream().map(Point::loss).toList(), weight);
    }
}
