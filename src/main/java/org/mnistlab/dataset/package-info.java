/**
 * The MNIST-family datasets: reading and validating IDX files, downloading missing ones, and the
 * in-memory samples every other feature reads. Its {@code ui} is the dataset explorer.
 */
package org.mnistlab.dataset;
