/**
 * Pages of the ensembles feature: the list with the form that evaluates a new ensemble, and one ensemble's
 * members and test-set evaluation in both modes.
 */
package org.mnistlab.ensembles.ui;
