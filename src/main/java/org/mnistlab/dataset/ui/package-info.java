/**
 * The dataset explorer: the thumbnail grid over a whole split, the sample detail view with its pixel values,
 * and the dataset status panel (download progress, unavailable datasets) other views can reuse.
 */
package org.mnistlab.dataset.ui;
