package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mnistlab.base.NativeBackend;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Layer diagnostics on a 2 → 2 → 2 network whose weights are set by hand. */
class LayerProbeTest {

    private static final double LR = 0.01;
    /** x·W1 for the identity inputs below: the hidden activations are W1's entries 1, 2, 3, 4. */
    private static final INDArray X = Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}});
    private static final INDArray Y = Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}});

    private static MultiLayerNetwork network() {
        NativeBackend.configure();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).updater(new Sgd(LR)).list()
                .layer(new DenseLayer.Builder().name("hidden").nIn(2).nOut(2).activation(Activation.IDENTITY).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nIn(2).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // hidden W (row-major [in][out]) = [[1, 2], [3, 4]], b = 0; output W = identity, b = 0
        net.getLayer(0).setParam("W", Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}}));
        net.getLayer(0).setParam("b", Nd4j.zeros(1, 2));
        net.getLayer(1).setParam("W", Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}}));
        net.getLayer(1).setParam("b", Nd4j.zeros(1, 2));
        return net;
    }

    @Test
    void measures_parameters_updates_activations_and_gradients_of_known_weights() {
        MultiLayerNetwork reference = network();
        reference.setInput(X);
        reference.setLabels(Y);
        reference.computeGradientAndScore();
        INDArray gradient = reference.getLayer(0).getGradientsViewArray().dup();

        MultiLayerNetwork net = network();
        LayerProbe probe = new LayerProbe(net, 10);
        net.addListeners(probe);
        net.fit(X, Y);
        LayerDiagnostics d = probe.epochDone(1);

        assertThat(d.samples()).isEqualTo(1);
        LayerStats hidden = d.layers().get(0);
        assertThat(hidden.name()).isEqualTo("hidden");
        // parameters after one small step: still close to (1 + 2 + 3 + 4 + 0 + 0) / 6
        assertThat(hidden.meanAbsParam()).isCloseTo(10 / 6.0, within(0.01));
        // plain SGD: the update is the learning rate times the gradient, which DL4J sums over the batch of 2
        // and its updater divides by the batch size
        double meanAbsGradient = gradient.norm1Number().doubleValue() / gradient.length();
        assertThat(meanAbsGradient).isGreaterThan(0);
        assertThat(hidden.meanAbsUpdate()).isCloseTo(LR * meanAbsGradient / 2, within(1e-7));
        assertThat(hidden.updateRatio()).isCloseTo(LR * meanAbsGradient / 2 / hidden.meanAbsParam(), within(1e-7));
        assertThat(hidden.gradientStd()).isCloseTo(gradient.stdNumber().doubleValue(), within(1e-6));
        // sample standard deviation of 1, 2, 3, 4
        assertThat(hidden.activationStd()).isCloseTo(Math.sqrt(5 / 3.0), within(1e-5));

        LayerStats out = d.layers().get(1);
        assertThat(out.meanAbsParam()).isCloseTo(2 / 6.0, within(0.01));
        assertThat(out.activationStd()).as("DL4J does not hand the output layer's activations to listeners").isNaN();
    }

    @Test
    void samples_the_first_iteration_of_each_epoch_and_every_nth_after() {
        MultiLayerNetwork net = network();
        LayerProbe probe = new LayerProbe(net, 3);
        net.addListeners(probe);
        for (int i = 0; i < 7; i++) {
            net.fit(X, Y);
        }
        assertThat(probe.epochDone(1).samples()).isEqualTo(3); // iterations 0, 3, 6
        net.fit(X, Y);
        net.fit(X, Y);
        assertThat(probe.epochDone(2).samples()).isEqualTo(1); // the new epoch's first
        assertThat(probe.epochDone(3).samples()).isZero();
        assertThat(probe.epochDone(3).layers().get(0).meanAbsParam()).isNaN();
    }

    @Test
    void layers_without_parameters_have_no_update_ratio() {
        LayerStats pooling = new LayerStats(1, "pool", Double.NaN, Double.NaN, 0.5, Double.NaN);
        assertThat(pooling.trainable()).isFalse();
        assertThat(pooling.updateRatio()).isNaN();
    }
}
