/**
 * Training views: the experiment configurator ({@code /train}), the live run dashboard
 * ({@code /runs/{id}/live}) fed by run events over push, and the run queue ({@code /queue}).
 */
package org.mnistlab.training.ui;
