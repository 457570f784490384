package org.mnistlab.base;

import java.time.Duration;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The app's thread pools, as beans the Spring context starts and stops. Training and dataset loading have a
 * pool each, so a long run never holds up a dataset someone opens; Vaadin's own background tasks get a third
 * under the bean name Vaadin looks for when the context has more than one executor.
 */
@Configuration
public class TaskExecutors {

    /** Qualifier of the pool that trains runs ({@code mnistlab.max-concurrent-runs} threads). */
    public static final String TRAINING = "trainingExecutor";
    /** Qualifier of the pool that reads and downloads dataset files. */
    public static final String DATASET_LOADING = "datasetLoadingExecutor";

    /**
     * Shutting down waits for the runs instead of interrupting them (an interrupt inside H2's file I/O closes
     * the database); they see the queue's shutdown flag within a batch. Daemon threads, so that a CLI exit
     * never waits for one.
     */
    @Bean(TRAINING)
    ThreadPoolTaskExecutor trainingExecutor(MnistLabProperties properties) {
        int threads = Math.max(1, properties.maxConcurrentRuns());
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutorBuilder()
                .corePoolSize(threads).maxPoolSize(threads)
                .threadNamePrefix("training-")
                .awaitTermination(true).awaitTerminationPeriod(Duration.ofSeconds(60))
                .build();
        executor.setDaemon(true);
        return executor;
    }

    /**
     * Two threads, so the start-up preload never holds up a load someone asked for. Shutting down interrupts
     * loads and downloads in progress: nothing waits for them once the app stops.
     */
    @Bean(DATASET_LOADING)
    ThreadPoolTaskExecutor datasetLoadingExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutorBuilder()
                .corePoolSize(2).maxPoolSize(2)
                .threadNamePrefix("dataset-loader-")
                .build();
        executor.setDaemon(true);
        return executor;
    }

    /** Vaadin's background tasks, and any other user of "the" task executor. */
    @Bean("VaadinTaskExecutor")
    @Primary
    ThreadPoolTaskExecutor vaadinTaskExecutor(ThreadPoolTaskExecutorBuilder builder) {
        return builder.threadNamePrefix("vaadin-task-").build();
    }
}
