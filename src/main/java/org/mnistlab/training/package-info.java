/**
 * The training engine: run configuration and its validation, the model catalog, the DL4J trainer, the
 * run queue with its events, and the H2 run store. Its {@code ui} is the configurator and live dashboard.
 */
package org.mnistlab.training;
