/**
 * Hyperparameter sweeps: a base configuration and swept settings expanded into trials that run as ordinary
 * runs through the run queue, with successive halving (ASHA), budgets and setting importance; views in {@code ui}.
 */
package org.mnistlab.sweeps;
