/**
 * The headless command line in the same jar: {@code train} (one run, stored in the same H2 as the UI) and
 * {@code bench} (throughput, accuracy and memory of each catalog model). Argument errors exit with code 2.
 */
package org.mnistlab.cli;
