package org.mnistlab.training;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.Split;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Trains in this process on the datasets this server loaded: {@code mnistlab.executor=local}, the default. */
@Component
@ConditionalOnProperty(name = "mnistlab.executor", havingValue = "local", matchIfMissing = true)
public class LocalTrainingEngine implements TrainingEngine {

    private final Trainer trainer;
    private final DatasetService datasets;

    public LocalTrainingEngine(Trainer trainer, DatasetService datasets) {
        this.trainer = trainer;
        this.datasets = datasets;
    }

    @Override
    public Trainer.Result train(long runId, RunConfig config, Trainer.Listener listener) {
        return trainer.train(runId, config, datasets.samples(config.dataset(), Split.TRAIN),
                datasets.samples(config.dataset(), Split.TEST), listener);
    }

    @Override
    public Optional<TrainingWarmUp.Outcome> warmUp(BooleanSupplier stop) {
        return Optional.of(new TrainingWarmUp(trainer).run(stop));
    }

    @Override
    public String placement(long runId) {
        return "this server";
    }
}
