/**
 * Views over stored runs: the lazy runs grid ({@code /runs}), a run's detail with curves, confusion matrix
 * and misclassified gallery ({@code /runs/{id}}), and the comparison of several runs ({@code /compare}).
 */
package org.mnistlab.runs.ui;
