/**
 * Scale out ({@code mnistlab.executor=spark}): the app is a Spark driver and each run trains as one Spark task
 * with the project's own trainer, its progress coming back through an accumulator reported with executor heartbeats.
 */
package org.mnistlab.cluster;
