/**
 * The playground: turns a hand-drawn digit into an MNIST-style 28×28 input (DigitPreprocessor), runs it
 * through trained models (Predictor, with a bounded cache of loaded networks) and keeps labelled drawings.
 */
package org.mnistlab.playground;
