/**
 * The run screens: the configurator ({@code /train}), the queue ({@code /queue}), the live dashboard
 * ({@code /runs/{id}/live}), the runs grid ({@code /runs}), a run's detail ({@code /runs/{id}}) and {@code /compare}.
 */
package org.mnistlab.runs.ui;
