package org.mnistlab.training;

import java.util.Locale;

/**
 * What one training run of a configuration needs in memory, roughly, against what this JVM may give it.
 *
 * @param parameterBytes   weights, gradients and the optimizer's state
 * @param activationBytes  per batch: each layer's output, its gradient and the pre-activation kept for
 *                         back-propagation, plus the convolutions' im2col buffers
 * @param inputBytes       per batch: features and labels, and the augmented copy of the features
 * @param budgetBytes      what one run may use: ND4J's off-heap limit (JavaCPP's max bytes) less a quarter of
 *                         headroom, shared by the runs that train at once
 */
public record MemoryEstimate(long parameterBytes, long activationBytes, long inputBytes, long budgetBytes) {

    public long totalBytes() {
        return parameterBytes + activationBytes + inputBytes;
    }

    public boolean fits() {
        return totalBytes() <= budgetBytes;
    }

    /** e.g. "Memory estimate: 1.2 GB of the 4.5 GB one run may use (model 0.1 GB, batch 1.1 GB)". */
    public String describe() {
        return "Memory estimate: " + gb(totalBytes()) + " of the " + gb(budgetBytes) + " one run may use (model "
                + gb(parameterBytes) + ", one batch " + gb(activationBytes + inputBytes) + ")";
    }

    /** The refusal when it does not fit, with what to change. */
    public String refusal() {
        return "This configuration needs about " + gb(totalBytes()) + " of memory, more than the " + gb(budgetBytes)
                + " one run may use on this server (model " + gb(parameterBytes) + ", one batch "
                + gb(activationBytes + inputBytes) + "): use a smaller batch size or model";
    }

    static String gb(long bytes) {
        return String.format(Locale.ROOT, bytes >= 100L << 20 ? "%.1f GB" : "%.2f GB", bytes / (double) (1L << 30));
    }
}
