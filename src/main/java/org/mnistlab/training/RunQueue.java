package org.mnistlab.training;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.util.ModelSerializer;
import org.mnistlab.base.Listeners;
import org.mnistlab.base.MnistLabProperties;
import org.mnistlab.base.TaskExecutors;
import org.mnistlab.base.UserMessages;
import org.mnistlab.dataset.DatasetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * The run queue: validates and stores submitted runs, trains them on a bounded pool
 * ({@code mnistlab.max-concurrent-runs}), cancels, and publishes {@link RunEvent}s to any number of
 * listeners. Used by the UI and the CLI alike; knows nothing about Vaadin.
 * <p>
 * Every status change is written to H2 before its event goes out, so a listener that reads the run
 * history sees the new state. At start-up, runs a previous server left queued or running are marked
 * INTERRUPTED (their finished epochs stay).
 */
@Service
public class RunQueue {

    private static final Logger log = LoggerFactory.getLogger(RunQueue.class);
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;

    private final RunStore store;
    private final TrainingEngine engine;
    private final ModelCatalog catalog;
    private final DatasetService datasets;
    private final BackendInfo backend;
    private final MnistLabProperties properties;
    private final ThreadPoolTaskExecutor executor;
    private final Map<Long, ActiveRun> active = new ConcurrentHashMap<>();
    private final Listeners<RunEvent> listeners = new Listeners<>("run event");
    private final PendingEnds pendingEnds;
    private final RunPermissions permissions;
    private final RunLimits limits;
    private volatile boolean shuttingDown;
    /** Whether the training warm-up ran or was asked for (or is off: {@code mnistlab.warm-up=false}). */
    private final AtomicBoolean warmUpDone = new AtomicBoolean();

    /** A queue that trains in this process, without users or limits (tests that build their own). */
    public RunQueue(RunStore store, Trainer trainer, ModelCatalog catalog,
                    DatasetService datasets, BackendInfo backend, MnistLabProperties properties,
                    ThreadPoolTaskExecutor executor, boolean recoverInterruptedRuns) {
        this(store, new LocalTrainingEngine(trainer, datasets), catalog, datasets, backend, properties, executor,
                recoverInterruptedRuns, RunPermissions.UNRESTRICTED, RunLimits.NONE, false);
    }

    @Autowired
    public RunQueue(RunStore store, TrainingEngine engine, ModelCatalog catalog,
                    DatasetService datasets, BackendInfo backend, MnistLabProperties properties,
                    @Qualifier(TaskExecutors.TRAINING) ThreadPoolTaskExecutor executor,
                    @Value("${mnistlab.recover-interrupted-runs:true}") boolean recoverInterruptedRuns,
                    ObjectProvider<RunPermissions> permissions, RunLimits limits,
                    @Value("${mnistlab.warm-up:true}") boolean warmUp) {
        this(store, engine, catalog, datasets, backend, properties, executor, recoverInterruptedRuns,
                permissions.getIfAvailable(() -> RunPermissions.UNRESTRICTED), limits, warmUp);
    }

    private RunQueue(RunStore store, TrainingEngine engine, ModelCatalog catalog,
                     DatasetService datasets, BackendInfo backend, MnistLabProperties properties,
                     ThreadPoolTaskExecutor executor, boolean recoverInterruptedRuns,
                     RunPermissions permissions, RunLimits limits, boolean warmUp) {
        this.warmUpDone.set(!warmUp);
        this.permissions = permissions;
        this.limits = limits;
        this.store = store;
        this.engine = engine;
        this.catalog = catalog;
        this.datasets = datasets;
        this.backend = backend;
        this.properties = properties;
        this.executor = executor;
        this.pendingEnds = new PendingEnds(properties.dataDir());
        if (recoverInterruptedRuns) {
            pendingEnds.replay(store, false);
            int interrupted = store.markActiveInterrupted(Instant.now(),
                    "Interrupted: the process training it (server or command line) stopped while it was queued or running");
            if (interrupted > 0) {
                log.warn("Marked {} run(s) left queued or running by a previous server or command-line process as interrupted", interrupted);
            }
            pendingEnds.replay(store, true);
            deleteUnfinishedModelFiles();
        }
        log.info("Run queue ready: {} run(s) at a time", executor.getMaxPoolSize());
    }

    /** A submitted run this service owns until it ends. */
    private static final class ActiveRun {
        final long id;
        final RunConfig config;
        final String owner;
        final AtomicInteger state = new AtomicInteger(QUEUED);
        volatile boolean cancelRequested;
        volatile BatchProgress latest;
        volatile Future<?> future;

        ActiveRun(long id, RunConfig config, String owner) {
            this.id = id;
            this.config = config;
            this.owner = owner;
        }
    }

    /**
     * Validates, stores (QUEUED) and queues a run for the signed-in user (nobody's on the command line).
     *
     * @throws InvalidConfigException with every problem when the config is invalid
     */
    public RunRecord submit(RunConfig config) {
        return submit(config, permissions.currentUser().orElse(null));
    }

    /**
     * Validates, checks the current user may queue it within the limits, stores (QUEUED) and queues a run.
     *
     * @param owner the user it belongs to; null for the command line and the system
     * @throws InvalidConfigException    with every problem when the config is invalid
     * @throws RunAccessDeniedException  when the current user may not start runs
     * @throws RunLimitException         when the user or the server has as many runs waiting as allowed
     */
    public synchronized RunRecord submit(RunConfig config, String owner) {
        List<ConfigProblem> problems = config.validate();
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        if (shuttingDown) {
            throw new IllegalStateException("The server is shutting down; no new runs are accepted");
        }
        if (!permissions.maySubmit()) {
            throw new RunAccessDeniedException("Your role may not start runs: ask an admin for the trainer role");
        }
        checkLimits(owner);
        MemoryEstimate memory = estimateMemory(config);
        if (!memory.fits()) {
            throw new RunLimitException(memory.refusal());
        }
        long parameters = catalog.summarize(config).totalParameters();
        long id = store.insertQueued(config, parameters, Instant.now(), owner);
        pendingEnds.replay(store, false); // the store takes writes again: ends it refused before can go in
        ActiveRun run = new ActiveRun(id, config, owner);
        active.put(id, run);
        RunRecord record = store.findById(id).orElseThrow();
        publish(new RunEvent.Queued(id));
        run.future = executor.submit(() -> execute(run));
        return record;
    }

    /**
     * Once per server, and while no run is queued or training: trains a throwaway MLP and CNN on the training pool
     * so that the JVM compiles the training code before a person's first run ({@link TrainingWarmUp}; the MLP's
     * first epoch otherwise runs at about half speed, a CNN's at two thirds). It gives way within one batch when a
     * run is submitted, and never delays one by more. The training form asks for it while a person fills it in;
     * off with {@code mnistlab.warm-up=false}.
     *
     * @return whether this call started it
     */
    public boolean warmUpSoon() {
        if (shuttingDown || !active.isEmpty() || !warmUpDone.compareAndSet(false, true)) {
            return false;
        }
        executor.submit(() -> {
            try {
                engine.warmUp(() -> shuttingDown || !active.isEmpty())
                        .ifPresent(outcome -> log.info("Training warm-up: {}", outcome.describe()));
            } catch (RuntimeException e) {
                log.warn("Training warm-up failed: {}", e.toString());
            }
        });
        return true;
    }

    /**
     * How many more runs {@code owner} may queue now, within the limit for everyone and their own (which binds
     * every owner here, whoever asks: sweeps feed their trials in from the queue's own threads).
     */
    public int placesFor(String owner) {
        int total = limits.runsTotal() - active.size();
        if (owner == null) {
            return Math.max(0, total);
        }
        long mine = active.values().stream().filter(r -> owner.equals(r.owner)).count();
        return (int) Math.max(0, Math.min(total, limits.runsPerUser() - mine));
    }

    private void checkLimits(String owner) {
        if (active.size() >= limits.runsTotal()) {
            throw new RunLimitException("The server already has " + active.size() + " runs queued or running (the limit"
                    + " for everyone together): wait until one ends");
        }
        if (owner != null && permissions.perUserLimitApplies()) {
            long mine = active.values().stream().filter(r -> owner.equals(r.owner)).count();
            if (mine >= limits.runsPerUser()) {
                throw new RunLimitException("You already have " + mine + " runs queued or running, the most one user"
                        + " may have: wait until one ends or cancel one");
            }
        }
    }

    /**
     * What training this configuration needs in memory against what one run may use: ND4J's off-heap limit
     * (JavaCPP's max bytes, by default the JVM's max heap) less a quarter, shared by the runs training at once.
     */
    public MemoryEstimate estimateMemory(RunConfig config) {
        long offHeap = Pointer.maxBytes() > 0 ? Pointer.maxBytes() : Runtime.getRuntime().maxMemory();
        // the core size is how many train at once: the pool queues the rest without growing
        long budget = offHeap / 4 * 3 / Math.max(1, executor.getCorePoolSize());
        return catalog.estimateMemory(config, budget);
    }

    /** Whether the current user may cancel or delete this run; screens hide what they may not do. */
    public boolean mayChange(RunRecord run) {
        return permissions.mayChange(run);
    }

    /** Whether the current user may start runs; screens hide their start buttons otherwise. */
    public boolean maySubmit() {
        return permissions.maySubmit();
    }

    /** The signed-in user whose runs this is; empty for the command line and the system. */
    public Optional<String> currentUser() {
        return permissions.currentUser();
    }

    private void requireMayChange(long runId, String action) {
        Optional<RunRecord> run = store.findById(runId);
        if (run.isPresent() && !permissions.mayChange(run.get())) {
            throw new RunAccessDeniedException("You may not " + action + " run " + runId
                    + ": trainers change only their own runs");
        }
    }

    /**
     * Cancels a queued run at once, or a running one within one batch. No-op for a finished run.
     *
     * @throws RunAccessDeniedException when the current user may not change this run
     */
    public void cancel(long runId) {
        ActiveRun run = active.get(runId);
        if (run == null) {
            return;
        }
        requireMayChange(runId, "cancel");
        run.cancelRequested = true;
        if (run.state.compareAndSet(QUEUED, DONE)) {
            Future<?> future = run.future;
            if (future != null) {
                future.cancel(false);
            }
            active.remove(runId);
            end(runId, RunStatus.CANCELLED, null, new RunEvent.Cancelled(runId));
        }
        // RUNNING: the training thread sees the flag before its next batch and ends the run itself.
    }

    /** Adds a listener for all runs' events; call the returned Runnable to remove it. */
    public Runnable subscribe(Consumer<RunEvent> listener) {
        return listeners.add(listener);
    }

    /** How many listeners are subscribed: each open page watching runs holds one until it closes. */
    public int listenerCount() {
        return listeners.size();
    }

    /** Queued and running runs, running first, then in queue order. */
    public List<RunRecord> activeRuns() {
        List<RunRecord> result = new ArrayList<>();
        for (RunRecord r : store.findActive()) {
            if (active.containsKey(r.id())) {
                result.add(r);
            }
        }
        return result;
    }

    /** The latest batch progress of a running run, for a page opened mid-epoch. */
    public Optional<BatchProgress> latestProgress(long runId) {
        ActiveRun run = active.get(runId);
        return run == null ? Optional.empty() : Optional.ofNullable(run.latest);
    }

    /** Where a queued or running run trains (this server, or a cluster's executor). */
    public String placement(long runId) {
        return engine.placement(runId);
    }

    /** The cluster's free and total training slots; empty when runs train in this process. */
    public Optional<TrainingEngine.Slots> clusterSlots() {
        return engine.slots();
    }

    /** True while the run is queued or running in this server. */
    public boolean isActive(long runId) {
        return active.containsKey(runId);
    }

    private void execute(ActiveRun run) {
        if (!run.state.compareAndSet(QUEUED, RUNNING)) {
            return; // cancelled while queued
        }
        long id = run.id;
        RunConfig config = run.config;
        if (shuttingDown) {
            active.remove(id);
            end(id, RunStatus.INTERRUPTED, "Interrupted: the server stopped while this run was queued", null);
            return;
        }
        try {
            store.markRunning(id, Instant.now(), backend.versions(), datasets.checksums(config.dataset()));
            pendingEnds.reserve(id);
            Trainer.Result result = engine.train(id, config, new Trainer.Listener() {
                @Override
                public void started(int batchesPerEpoch, int trainImages, int validationImages) {
                    log.info("Run {} started: {} on {} training / {} validation images, {} batches per epoch",
                            id, config.displayName(), trainImages, validationImages, batchesPerEpoch);
                    ImageCounts images = new ImageCounts(trainImages, validationImages);
                    store.recordImages(id, images);
                    publish(new RunEvent.Started(id, config.epochs(), batchesPerEpoch, images));
                }

                @Override
                public void batch(BatchProgress progress) {
                    run.latest = progress;
                    publish(new RunEvent.BatchProgressed(id, progress));
                }

                @Override
                public void epoch(EpochMetrics metrics, int bestEpoch, Double bestValidationAccuracy) {
                    store.insertEpoch(id, metrics, bestEpoch, bestValidationAccuracy);
                    publish(new RunEvent.EpochFinished(id, metrics, bestEpoch));
                }

                @Override
                public void layers(LayerDiagnostics diagnostics) {
                    publish(new RunEvent.LayersMeasured(id, diagnostics));
                }

                @Override
                public boolean cancelled() {
                    return run.cancelRequested || shuttingDown;
                }
            });
            long storeStart = System.nanoTime();
            String modelFile = saveModel(id, result);
            recordFinished(id, result, modelFile);
            pendingEnds.release(id);
            run.state.set(DONE);
            active.remove(id);
            log.info("Run {} finished: test accuracy {} (test evaluation {} ms, model + store {} ms)", id,
                    String.format("%.4f", result.evaluation().accuracy()), result.evaluationMillis(),
                    (System.nanoTime() - storeStart) / 1_000_000);
            publish(new RunEvent.Finished(id, result.evaluation().accuracy(), result.end()));
        } catch (RunCancelledException e) {
            run.state.set(DONE);
            active.remove(id);
            if (run.cancelRequested) {
                log.info("Run {} cancelled", id);
                end(id, RunStatus.CANCELLED, null, new RunEvent.Cancelled(id));
            } else {
                end(id, RunStatus.INTERRUPTED, "Interrupted: the server stopped during training", null);
            }
        } catch (Throwable e) {
            run.state.set(DONE);
            active.remove(id);
            String message = failureMessage(e);
            log.error("Run {} failed: {}", id, message, e);
            end(id, RunStatus.FAILED, message, new RunEvent.Failed(id, message));
            if (e instanceof Error error && !(e instanceof OutOfMemoryError)) {
                throw error;
            }
        }
    }

    /**
     * Marks the run finished, durably: if the store cannot (disk full), the run has failed, and its model file,
     * which no record points to, goes.
     */
    private void recordFinished(long id, Trainer.Result result, String modelFile) throws IOException {
        try {
            store.markFinished(id, Instant.now(), result.evaluation(), result.end(), modelFile);
        } catch (RuntimeException e) {
            Files.deleteIfExists(properties.dataDir().resolve(modelFile));
            try {
                store.undoFinish(id); // the commit may have gone through and only the CHECKPOINT failed
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    /** Model files a killed server was writing ({@link #saveModel}'s temporary files) are of no use. */
    private void deleteUnfinishedModelFiles() {
        Path dir = properties.modelsDir();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var temps = Files.newDirectoryStream(dir, "*.zip.tmp")) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
                log.warn("Deleted {}, a model file left half-written when a previous server stopped", temp.getFileName());
            }
        } catch (IOException e) {
            log.warn("Cannot delete unfinished model files in {}: {}", dir, e.getMessage());
        }
    }

    /** Writes the model to a temporary file and moves it into place, so a crash never leaves half a zip. */
    private String saveModel(long id, Trainer.Result result) throws IOException {
        Path dir = properties.modelsDir();
        Files.createDirectories(dir);
        Path target = dir.resolve("run-" + id + ".zip");
        Path temp = Files.createTempFile(dir, "run-" + id + "-", ".zip.tmp");
        try {
            ModelSerializer.writeModel(result.network(), temp.toFile(), false);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        result.network().close();
        return properties.dataDir().relativize(target).toString();
    }

    /**
     * Records how a run ended, then tells listeners (when there is an event). The event goes out even when the
     * store cannot be written (disk full, database closed), so no page keeps showing the run as running.
     */
    private void end(long id, RunStatus status, String message, RunEvent event) {
        Instant now = Instant.now();
        try {
            store.markEnded(id, status, now, message);
            pendingEnds.release(id);
        } catch (RuntimeException e) {
            boolean kept = pendingEnds.record(id, status, now, message);
            log.error("Run {} ended {}, but the run store could not record it ({}); {}", id, status, e.getMessage(),
                    kept ? "it is kept beside the store and written there once the store works again"
                            : "a restart marks it interrupted");
        }
        if (event != null) {
            publish(event);
        }
    }

    static String failureMessage(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "Out of memory: try a smaller batch size or model (" + e.getMessage() + ")";
        }
        if (e instanceof DataAccessException || e instanceof TransactionException) {
            return UserMessages.storeUnavailable(e);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : UserMessages.withoutPaths(message);
    }

    /** Renames a stored run and tells listeners. */
    public void rename(long runId, String newName) {
        String name = newName == null ? "" : newName.strip();
        if (name.isEmpty() || name.length() > RunConfig.MAX_NAME) {
            throw new IllegalArgumentException("A run name needs 1 to " + RunConfig.MAX_NAME + " characters");
        }
        requireMayChange(runId, "rename");
        if (!store.rename(runId, name)) {
            throw new IllegalArgumentException("Run " + runId + " does not exist");
        }
        publish(new RunEvent.Changed(runId));
    }

    /** Deletes the run, its metrics, evaluation and model file. Refuses an active run (cancel it first). */
    public void delete(long runId) {
        Optional<RunRecord> run = store.findById(runId);
        if (run.isEmpty()) {
            return;
        }
        if (!permissions.mayChange(run.get())) {
            throw new RunAccessDeniedException("You may not delete run " + runId + ": trainers delete only their own runs");
        }
        if (run.get().status().active() && isActive(runId)) {
            throw new IllegalStateException("Run " + runId + " is " + run.get().status().name().toLowerCase()
                    + ": cancel it before deleting it");
        }
        Optional<Path> model = store.modelPath(run.get());
        store.delete(runId);
        if (model.isPresent()) {
            try {
                Files.deleteIfExists(model.get());
            } catch (IOException e) {
                throw new UncheckedIOException("Run " + runId + " deleted, but its model file could not be", e);
            }
        }
        publish(new RunEvent.Changed(runId));
    }

    private void publish(RunEvent event) {
        listeners.publish(event);
    }

    /**
     * Stops training within a batch; running and queued runs are marked INTERRUPTED. Waits up to 60 s for
     * the training threads (the pool logs when they take longer) and never interrupts them: an interrupt
     * inside H2's file I/O closes the database.
     */
    @PreDestroy
    void shutdown() {
        shuttingDown = true;
        executor.shutdown();
    }
}
