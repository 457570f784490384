package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mnistlab.base.NativeBackend;
import org.mnistlab.dataset.DatasetKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class BackendInfoTest {

    @Test
    void the_chosen_onednn_build_is_the_one_loaded_and_conv_layers_use_onednn() {
        MultiLayerNetwork cnn = new ModelCatalog().build(RunConfig.defaults(Architecture.REGULARIZED_CNN, DatasetKind.MNIST));
        cnn.output(Nd4j.rand(DataType.FLOAT, 2, 784));
        BackendInfo info = new BackendInfo();

        assertThat(info.backend()).isEqualTo(NativeBackend.description()).contains("onednn");
        assertThat(BackendInfo.nativeLibrary()).contains(System.getProperty("org.bytedeco.javacpp.platform.extension"));
        assertThat(BackendInfo.oneDnnEnabled()).isTrue();
        assertThat(info.versions()).containsEntry("dl4j", "1.0.0-M2.1").containsEntry("nd4j", "1.0.0-M2.1")
                .containsEntry("onednn", "true").containsEntry("ompWaitPolicy", "PASSIVE");

        // Conv, pooling and batch norm layers got DL4J's oneDNN helpers (the Nd4jCpu shim makes this work).
        LayerHelper conv = cnn.getLayer(0).getHelper();
        LayerHelper batchNorm = cnn.getLayer(1).getHelper();
        LayerHelper pool = cnn.getLayer(2).getHelper();
        assertThat(conv).isNotNull();
        assertThat(conv.getClass().getSimpleName()).startsWith("MKLDNN");
        assertThat(batchNorm).isNotNull();
        assertThat(pool).isNotNull();
    }
}
