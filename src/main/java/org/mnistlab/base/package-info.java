/**
 * What every feature shares: configuration ({@link org.mnistlab.base.MnistLabProperties}), the native
 * backend choice, and in {@code ui} the main layout and the Chart.js component.
 */
package org.mnistlab.base;
