package org.mnistlab.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistlab.base.NativeBackend;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A small real model for playground tests that must not wait for the training engine: an MLP
 * (784 → 64 → 10, the network contract of every MNIST Lab model) trained with DL4J on the first 6,000
 * MNIST training images for 3 epochs (~90 % test accuracy), saved once per test JVM with ModelSerializer.
 */
final class TinyModel {

    private static Path file;

    private TinyModel() {
    }

    static synchronized Path file() {
        if (file == null) {
            try {
                Path dir = Files.createTempDirectory("mnistlab-tiny-model");
                dir.toFile().deleteOnExit();
                file = dir.resolve("tiny-mlp.zip");
                train().save(file.toFile(), false);
                file.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    private static MultiLayerNetwork train() {
        NativeBackend.configure();
        int n = 6000;
        byte[] pixels = MnistTestDigits.trainPixels();
        byte[] labels = MnistTestDigits.trainLabels();
        float[][] x = new float[n][784];
        float[][] y = new float[n][10];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 784; p++) {
                x[i][p] = (pixels[i * 784 + p] & 0xff) / 255f;
            }
            y[i][labels[i]] = 1;
        }
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(42)
                .updater(new Adam(2e-3))
                .list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray features = Nd4j.create(x);
        INDArray targets = Nd4j.create(y);
        for (int epoch = 0; epoch < 3; epoch++) {
            for (int start = 0; start < n; start += 100) {
                DataSet batch = new DataSet(features.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start, start + 100)),
                        targets.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start, start + 100)));
                net.fit(batch);
            }
        }
        return net;
    }
}
