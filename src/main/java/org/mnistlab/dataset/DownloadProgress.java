package org.mnistlab.dataset;

/** Progress of one dataset file download; {@code totalBytes} is -1 when the mirror does not say. */
public record DownloadProgress(DatasetKind kind, String fileName, long bytesRead, long totalBytes) {

    /** Fraction done in [0, 1], or -1 when unknown. */
    public double fraction() {
        return totalBytes > 0 ? Math.min(1.0, (double) bytesRead / totalBytes) : -1;
    }
}
