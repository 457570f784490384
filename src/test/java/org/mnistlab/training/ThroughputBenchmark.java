package org.mnistlab.training;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistlab.base.MnistLabProperties;
import org.mnistlab.base.NativeBackend;
import org.mnistlab.dataset.DatasetDownloader;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Not a test: an A/B harness for training throughput (fit only, fixed batches), alternating variants in
 * one JVM so machine load hits them alike. Run with the test classpath:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.mnistlab.training.ThroughputBenchmark cnn 64 200 3}
 */
public final class ThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        NativeBackend.configure();
        Architecture architecture = Architecture.fromId(args.length > 0 ? args[0] : "cnn");
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String only = args.length > 4 ? args[4] : "";
        DatasetService datasets = new DatasetService(new MnistLabProperties(Path.of("target/test-data"),
                Path.of(System.getProperty("mnistlab.datasets-dir", "../shared/datasets")), false, 1),
                new DatasetDownloader(), new SimpleAsyncTaskExecutor());
        LabeledImages train = datasets.samples(DatasetKind.MNIST, Split.TRAIN);
        RunConfig config = RunConfig.defaults(architecture, DatasetKind.MNIST);

        var nchw = org.deeplearning4j.nn.conf.CNN2DFormat.NCHW;
        var nhwc = org.deeplearning4j.nn.conf.CNN2DFormat.NHWC;
        List<String> names = List.of("before (no cache)", "after (cache+lateReLU)", "after + NHWC");
        List<ModelCatalog> catalogs = List.of(
                new ModelCatalog(nchw, CacheMode.NONE, false),
                new ModelCatalog(nchw, CacheMode.DEVICE, true),
                new ModelCatalog(nhwc, CacheMode.DEVICE, true));
        var cpu = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        float[] pixels = new float[batch * 784];
        float[] oneHot = new float[batch * 10];
        INDArray features = Nd4j.create(DataType.FLOAT, batch, 784);
        INDArray labels = Nd4j.create(DataType.FLOAT, batch, 10);
        for (int round = 0; round < rounds; round++) {
            for (int v = 0; v < names.size(); v++) {
                if (!only.isEmpty() && !names.get(v).contains(only)) {
                    continue;
                }
                MultiLayerNetwork net = new MultiLayerNetwork(catalogs.get(v).configuration(config));
                net.init();
                long start = 0;
                long cpuStart = 0;
                int warmup = 20;
                for (int b = 0; b < batches + warmup; b++) {
                    if (b == warmup) {
                        start = System.nanoTime();
                        cpuStart = cpu.getProcessCpuTime();
                    }
                    int from = (b * batch) % (train.size() - batch);
                    java.util.Arrays.fill(oneHot, 0f);
                    for (int i = 0; i < batch; i++) {
                        for (int p = 0; p < 784; p++) {
                            pixels[i * 784 + p] = (train.pixels()[(from + i) * 784 + p] & 0xff) / 255f;
                        }
                        oneHot[i * 10 + train.label(from + i)] = 1f;
                    }
                    features.data().asNioFloat().put(pixels);
                    labels.data().asNioFloat().put(oneHot);
                    net.fit(features, labels);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (cpu.getProcessCpuTime() - cpuStart) / 1e9;
                if (System.getProperty("profile") != null) {
                    org.nd4j.linalg.profiler.OpProfiler.getInstance().reset();
                    Nd4j.getExecutioner().setProfilingMode(
                            org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode.OPERATIONS);
                    for (int b = 0; b < 50; b++) {
                        net.fit(features, labels);
                    }
                    Nd4j.getExecutioner().setProfilingMode(
                            org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode.DISABLED);
                    org.nd4j.linalg.profiler.OpProfiler.getInstance().printOutDashboard();
                }
                System.out.printf("round %d  %-22s %,8.0f images/s %,8.0f images/cpu-s  score %.4f  load %s%n",
                        round, names.get(v), batches * batch / seconds, batches * batch / cpuSeconds, net.score(),
                        java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
            }
        }
    }
}
