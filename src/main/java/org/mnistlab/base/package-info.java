/**
 * What every feature shares: configuration ({@link org.mnistlab.base.MnistLabProperties}), the native
 * backend choice, {@link org.mnistlab.base.Listeners} for services that publish events, and in {@code ui} the main layout and the Chart.js component.
 */
package org.mnistlab.base;
