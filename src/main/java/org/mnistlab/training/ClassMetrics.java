package org.mnistlab.training;

/** Test-set precision, recall and F1 of one class; support = its number of test images. */
public record ClassMetrics(int label, double precision, double recall, double f1, int support) {
}
