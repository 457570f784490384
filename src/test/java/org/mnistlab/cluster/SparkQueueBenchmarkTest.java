package org.mnistlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mnistlab.Application;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.RunStore;
import org.mnistlab.dataset.DatasetKind;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Eight MLP runs on full MNIST (3 epochs each) through the local queue with one and two runs at once, and
 * through Spark {@code local[2]}: wall time of the batch and each run's time against one run alone. Printed,
 * not asserted. {@code mvn -Pproduction,bench verify -Dtest=SparkQueueBenchmarkTest -Dit.test=NONE}
 */
@Tag("benchmark")
class SparkQueueBenchmarkTest {

    private static final int RUNS = 8;

    @Test
    void prints_wall_time_and_slowdown_of_eight_runs_local_and_on_spark() {
        double solo = batch("local, 1 at a time", "--mnistlab.executor=local", "--mnistlab.max-concurrent-runs=1");
        batch("local, 2 at a time", "--mnistlab.executor=local", "--mnistlab.max-concurrent-runs=2");
        batch("Spark local[2]", "--mnistlab.executor=spark", "--mnistlab.spark.master=local[2]",
                "--mnistlab.max-concurrent-runs=2");
        System.out.printf("A cluster of N such machines (2 slots each) runs the 8 runs in about 8 / (2N) x the"
                + " per-run time on Spark; one run alone takes %.1f s here%n", solo);
    }

    /** Returns the mean seconds of one run. */
    private static double batch(String label, String... settings) {
        List<String> args = new ArrayList<>(List.of(settings));
        args.add("--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
        args.add("--mnistlab.data-dir=./target/bench-data-spark");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new))) {
            RunQueue queue = context.getBean(RunQueue.class);
            RunStore store = context.getBean(RunStore.class);
            long start = System.nanoTime();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                RunConfig config = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder()
                        .name(label + " " + i).epochs(3).seed(i).build();
                ids.add(queue.submit(config).id());
            }
            await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ids.stream().noneMatch(queue::isActive));
            double wall = (System.nanoTime() - start) / 1e9;
            double perRun = 0;
            for (long id : ids) {
                RunRecord run = store.findById(id).orElseThrow();
                assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
                perRun += run.duration().toMillis() / 1000.0 / RUNS;
            }
            System.out.printf("%-20s %d MLP runs x 3 epochs on MNIST: batch %.1f s, per run %.1f s%n",
                    label, RUNS, wall, perRun);
            return perRun;
        }
    }
}
