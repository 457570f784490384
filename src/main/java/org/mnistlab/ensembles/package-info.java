/**
 * Ensembles: several finished runs evaluated together on the test set, by averaged probabilities and by
 * majority vote, stored beside the runs and shown like a run's evaluation.
 */
package org.mnistlab.ensembles;
