/**
 * Runs after training: history, evaluation reports, side-by-side comparison (config diff) and metric
 * exports (CSV, JSON). Its {@code ui} is the runs grid, the run detail and the compare page.
 */
package org.mnistlab.runs;
