/**
 * Everything a person does with runs, before, during and after training: comparison (config diff) and
 * metric exports here; every run screen in {@code ui} (configure, queue, live dashboard, history, detail, compare).
 */
package org.mnistlab.runs;
