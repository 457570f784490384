/**
 * The training engine, with no UI: what a run is (configuration, validation, presets), the model catalog,
 * the DL4J trainer, the run queue with its events, and the run store (H2 and model files).
 */
package org.mnistlab.training;
