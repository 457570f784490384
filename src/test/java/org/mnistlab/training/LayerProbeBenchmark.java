package org.mnistlab.training;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
 * Not a test: the training-time overhead of {@link LayerProbe}. Per architecture, one network fits blocks of
 * batches in turn without a listener, with the probe attached but sampling nothing, and with the probe (so
 * machine load hits all alike; the order turns each round) and the medians of the blocks' wall and process CPU
 * times are compared. Optional third argument: the models, e.g. {@code cnn,regcnn}. Run with the test classpath:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.mnistlab.training.LayerProbeBenchmark 100 5}
 */
public final class LayerProbeBenchmark {

    public static void main(String[] args) {
        NativeBackend.configure();
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        DatasetService datasets = new DatasetService(new MnistLabProperties(Path.of("target/test-data"),
                Path.of(System.getProperty("mnistlab.datasets-dir", "../shared/datasets")), false, 1),
                new DatasetDownloader(), new SimpleAsyncTaskExecutor());
        LabeledImages train = datasets.samples(DatasetKind.MNIST, Split.TRAIN);
        var cpu = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        List<Architecture> chosen = args.length > 2
                ? Arrays.stream(args[2].split(",")).map(Architecture::fromId).toList()
                : List.of(Architecture.values());
        for (Architecture architecture : chosen) {
            RunConfig config = RunConfig.defaults(architecture, DatasetKind.MNIST);
            int batch = config.batchSize();
            MultiLayerNetwork net = new ModelCatalog().build(config);
            LayerProbe probe = new LayerProbe(net);
            // the same listener sampling nothing: what merely having a listener costs in DL4J's fit
            LayerProbe idle = new LayerProbe(net, Integer.MAX_VALUE);
            INDArray features = Nd4j.create(DataType.FLOAT, batch, 784);
            INDArray labels = Nd4j.create(DataType.FLOAT, batch, 10);
            float[] pixels = new float[batch * 784];
            float[] oneHot = new float[batch * 10];
            double[][] wall = new double[3][rounds];
            double[][] cpuTime = new double[3][rounds];
            int b = 0;
            for (int round = -1; round < rounds; round++) { // round -1 warms up
                for (int turn = 0; turn < 3; turn++) {
                    // the order of the three modes turns each round, so none always comes first
                    int withProbe = (turn + Math.max(round, 0)) % 3;
                    if (withProbe == 2) {
                        net.setListeners(probe);
                    } else if (withProbe == 1) {
                        net.setListeners(idle);
                    } else {
                        net.setListeners();
                    }
                    long start = System.nanoTime();
                    long cpuStart = cpu.getProcessCpuTime();
                    for (int i = 0; i < batches; i++, b++) {
                        int from = (b * batch) % (train.size() - batch);
                        Arrays.fill(oneHot, 0f);
                        for (int k = 0; k < batch; k++) {
                            for (int p = 0; p < 784; p++) {
                                pixels[k * 784 + p] = (train.pixels()[(from + k) * 784 + p] & 0xff) / 255f;
                            }
                            oneHot[k * 10 + train.label(from + k)] = 1f;
                        }
                        features.data().asNioFloat().put(pixels);
                        labels.data().asNioFloat().put(oneHot);
                        net.fit(features, labels);
                    }
                    if (round >= 0) {
                        wall[withProbe][round] = (System.nanoTime() - start) / 1e9;
                        cpuTime[withProbe][round] = (cpu.getProcessCpuTime() - cpuStart) / 1e9;
                    }
                }
                if (round >= 0) {
                    probe.epochDone(round + 1);
                    idle.epochDone(round + 1);
                }
            }
            System.out.printf("%-8s batch %d, %d batches x %d rounds: wall no listener %.3f s, idle listener %.3f s"
                            + " (%+.1f %%), probe %.3f s (%+.1f %%); cpu %.3f s, %.3f s (%+.1f %%), %.3f s (%+.1f %%)%n",
                    architecture.id(), batch, batches, rounds, median(wall[0]),
                    median(wall[1]), 100 * (median(wall[1]) / median(wall[0]) - 1),
                    median(wall[2]), 100 * (median(wall[2]) / median(wall[0]) - 1), median(cpuTime[0]),
                    median(cpuTime[1]), 100 * (median(cpuTime[1]) / median(cpuTime[0]) - 1),
                    median(cpuTime[2]), 100 * (median(cpuTime[2]) / median(cpuTime[0]) - 1));
            // Amplified: a probe sampling every iteration against the idle one, on the same batch in turn, gives
            // the cost of one sampled iteration, which blocks of 100 batches hide in their noise.
            double[][] perFit = new double[2][rounds];
            LayerProbe always = new LayerProbe(net, 1);
            for (int round = -1; round < rounds; round++) {
                for (int turn = 0; turn < 2; turn++) {
                    int sampling = (turn + Math.max(round, 0)) % 2;
                    net.setListeners(sampling == 1 ? always : idle);
                    long start = System.nanoTime();
                    for (int i = 0; i < batches; i++) {
                        net.fit(features, labels);
                    }
                    if (round >= 0) {
                        perFit[sampling][round] = (System.nanoTime() - start) / 1e6 / batches;
                    }
                }
            }
            double sampleMs = median(perFit[1]) - median(perFit[0]);
            System.out.printf("%-8s one sampled iteration costs %.3f ms over a fit of %.3f ms: %.1f %% at one in %d%n",
                    architecture.id(), sampleMs, median(perFit[0]),
                    100 * sampleMs / LayerProbe.EVERY / median(perFit[0]), LayerProbe.EVERY);
            net.close();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
