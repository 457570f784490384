/** Seeing inside models: per-layer training diagnostics, saliency, filters and activations, ensembles. */
package org.mnistlab.insight;
