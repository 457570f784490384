/** Components that show a model's insides; the run pages and the drawing pad embed them. */
package org.mnistlab.insight.ui;
