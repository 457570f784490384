/**
 * The draw view (/draw): the drawing pad web component's Java wrapper, the preprocessing steps, the
 * probability chart, model comparison and the "My digits" gallery.
 */
package org.mnistlab.playground.ui;
