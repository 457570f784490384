package org.mnistlab.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mnistlab.base.MnistLabProperties;
import org.mnistlab.dataset.DatasetKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where runs are kept: the runs, their finished epochs and test evaluations in H2 (schema:
 * db/migration/V1__run_store.sql) and the model files beside them in the data directory. The queue writes
 * here as a run trains; views, the CLI and the playground read. Changes that others must hear about
 * (rename, delete) go through {@link RunQueue}, which publishes them.
 */
@Repository
public class RunStore {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dataDir;

    public RunStore(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions,
                    MnistLabProperties properties) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.dataDir = properties.dataDir();
    }

    /** Stores a new QUEUED run and returns its id. */
    public long insertQueued(RunConfig config, long parameterCount, Instant createdAt) {
        return insertQueued(config, parameterCount, createdAt, null);
    }

    /** @param owner the user who queued it; null for the command line or the system */
    public long insertQueued(RunConfig config, long parameterCount, Instant createdAt, String owner) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO runs (name, dataset, architecture, config_json, seed, status, created_at,
                                          parameter_count, epochs_planned, owner)
                        VALUES (:name, :dataset, :architecture, :config, :seed, 'QUEUED', :created, :params, :epochs,
                                :owner)""")
                .param("name", config.displayName())
                .param("dataset", config.dataset().name())
                .param("architecture", config.architecture().name())
                .param("config", toJson(config))
                .param("seed", config.seed())
                .param("created", timestamp(createdAt))
                .param("params", parameterCount)
                .param("epochs", config.epochs())
                .param("owner", owner)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void markRunning(long runId, Instant startedAt, Map<String, String> softwareVersions,
                            Map<String, String> datasetChecksums) {
        jdbc.sql("""
                        UPDATE runs SET status = 'RUNNING', started_at = :started, software_versions = :versions,
                                        dataset_checksums = :checksums WHERE id = :id""")
                .param("started", timestamp(startedAt))
                .param("versions", toJson(softwareVersions))
                .param("checksums", toJson(datasetChecksums))
                .param("id", runId)
                .update();
    }

    /** The images the run's split gave it, known once training starts. */
    public void recordImages(long runId, ImageCounts images) {
        jdbc.sql("UPDATE runs SET train_images = :train, validation_images = :validation WHERE id = :id")
                .param("train", images.train())
                .param("validation", images.validation())
                .param("id", runId)
                .update();
    }

    /** A final status (FAILED, CANCELLED, INTERRUPTED) without test metrics. Only changes an active run. */
    public boolean markEnded(long runId, RunStatus status, Instant finishedAt, String errorMessage) {
        boolean changed = jdbc.sql("""
                        UPDATE runs SET status = :status, finished_at = :finished, error_message = :error
                        WHERE id = :id AND status IN ('QUEUED', 'RUNNING')""")
                .param("status", status.name())
                .param("finished", timestamp(finishedAt))
                .param("error", errorMessage == null ? null : truncate(errorMessage, 2000))
                .param("id", runId)
                .update() > 0;
        durable();
        return changed;
    }

    /**
     * Writes everything committed to the disk now and fails if it cannot (a full disk), so a run's end is never
     * reported while it exists only in memory.
     */
    private void durable() {
        jdbc.sql("CHECKPOINT SYNC").update();
    }

    /**
     * Marks every queued or running run INTERRUPTED (the server that ran them is gone); returns how many. A run
     * that had started ends when its last finished epoch did (start plus the epochs' durations), so its
     * duration does not count the time the server was down; one that never started ends {@code now}.
     */
    public int markActiveInterrupted(Instant now, String message) {
        return jdbc.sql("""
                        UPDATE runs SET status = 'INTERRUPTED', error_message = :message,
                            finished_at = COALESCE(DATEADD('MILLISECOND',
                                (SELECT COALESCE(SUM(e.duration_ms), 0) FROM epoch_metrics e WHERE e.run_id = runs.id),
                                started_at), :now)
                        WHERE status IN ('QUEUED', 'RUNNING')""")
                .param("now", timestamp(now))
                .param("message", message)
                .update();
    }

    /** Writes one finished epoch and the run's progress (epochs done, best epoch) in one transaction. */
    public void insertEpoch(long runId, EpochMetrics m, Integer bestEpoch, Double bestValidationAccuracy) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                            INSERT INTO epoch_metrics (run_id, epoch, train_loss, train_accuracy, validation_loss,
                                validation_accuracy, learning_rate, duration_ms, images_per_second)
                            VALUES (:run, :epoch, :tl, :ta, :vl, :va, :lr, :ms, :ips)""")
                    .param("run", runId)
                    .param("epoch", m.epoch())
                    .param("tl", m.trainLoss())
                    .param("ta", m.trainAccuracy())
                    .param("vl", nanToNull(m.validationLoss()))
                    .param("va", nanToNull(m.validationAccuracy()))
                    .param("lr", m.learningRate())
                    .param("ms", m.durationMillis())
                    .param("ips", m.imagesPerSecond())
                    .update();
            jdbc.sql("""
                            UPDATE runs SET epochs_done = :epoch, best_epoch = :best, best_validation_accuracy = :bva
                            WHERE id = :id""")
                    .param("epoch", m.epoch())
                    .param("best", bestEpoch)
                    .param("bva", bestValidationAccuracy)
                    .param("id", runId)
                    .update();
            recordTimeToAccuracy(runId);
        });
    }

    /** Derives the run's time to accuracy from its stored epochs and keeps it on the run, for sorting. */
    private void recordTimeToAccuracy(long runId) {
        DatasetKind dataset = DatasetKind.valueOf(jdbc.sql("SELECT dataset FROM runs WHERE id = :id")
                .param("id", runId).query(String.class).single());
        TimeToAccuracy times = TimeToAccuracy.of(dataset, epochs(runId));
        var update = jdbc.sql("""
                UPDATE runs SET target1_epoch = :e1, target1_seconds = :s1, target2_epoch = :e2,
                    target2_seconds = :s2, target3_epoch = :e3, target3_seconds = :s3
                WHERE id = :id""");
        for (int i = 0; i < TimeToAccuracy.TARGETS; i++) {
            update.param("e" + (i + 1), times.get(i).epoch()).param("s" + (i + 1), times.get(i).seconds());
        }
        update.param("id", runId).update();
    }

    /** The stored time to accuracy of each of these runs that exists. */
    public Map<Long, TimeToAccuracy> timesToAccuracy(Collection<Long> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, TimeToAccuracy> times = new HashMap<>();
        jdbc.sql("SELECT * FROM runs WHERE id IN (:ids)").param("ids", List.copyOf(runIds))
                .query((rs, row) -> times.put(rs.getLong("id"), timeToAccuracy(rs))).list();
        return times;
    }

    private static TimeToAccuracy timeToAccuracy(ResultSet rs) throws SQLException {
        double[] targets = TimeToAccuracy.targets(DatasetKind.valueOf(rs.getString("dataset")));
        List<TimeToAccuracy.Reached> reached = new ArrayList<>();
        for (int i = 0; i < TimeToAccuracy.TARGETS; i++) {
            reached.add(new TimeToAccuracy.Reached(targets[i],
                    rs.getObject("target" + (i + 1) + "_epoch", Integer.class),
                    rs.getObject("target" + (i + 1) + "_seconds", Double.class)));
        }
        return new TimeToAccuracy(reached);
    }

    /**
     * Marks a run FINISHED with its test metrics, evaluation, how training ended and model file, in one
     * transaction.
     */
    public void markFinished(long runId, Instant finishedAt, Evaluation evaluation, TrainingEnd end,
                             String modelFile) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                            INSERT INTO evaluation (run_id, accuracy, loss, confusion_json)
                            VALUES (:run, :accuracy, :loss, :confusion)""")
                    .param("run", runId)
                    .param("accuracy", evaluation.accuracy())
                    .param("loss", evaluation.loss())
                    .param("confusion", toJson(evaluation.confusion()))
                    .update();
            List<ClassMetrics> perClass = evaluation.perClass();
            batches.batchUpdate("""
                    INSERT INTO class_metrics (run_id, label, precision, recall, f1, support)
                    VALUES (?, ?, ?, ?, ?, ?)""", perClass, perClass.size(), (ps, c) -> {
                ps.setLong(1, runId);
                ps.setInt(2, c.label());
                ps.setDouble(3, c.precision());
                ps.setDouble(4, c.recall());
                ps.setDouble(5, c.f1());
                ps.setInt(6, c.support());
            });
            List<Misclassified> wrong = evaluation.misclassified();
            List<Integer> ranks = java.util.stream.IntStream.range(0, wrong.size()).boxed().toList();
            batches.batchUpdate("""
                    INSERT INTO misclassified (run_id, rank, test_index, true_label, predicted_label, confidence)
                    VALUES (?, ?, ?, ?, ?, ?)""", ranks, 1000, (ps, rank) -> {
                Misclassified m = wrong.get(rank);
                ps.setLong(1, runId);
                ps.setInt(2, rank);
                ps.setInt(3, m.testIndex());
                ps.setInt(4, m.trueLabel());
                ps.setInt(5, m.predictedLabel());
                ps.setDouble(6, m.confidence());
            });
            jdbc.sql("""
                            UPDATE runs SET status = 'FINISHED', finished_at = :finished, test_accuracy = :acc,
                                            test_loss = :loss, model_file = :model, stopped_early = :stopped,
                                            restored_best_weights = :restored
                            WHERE id = :id""")
                    .param("finished", timestamp(finishedAt))
                    .param("acc", evaluation.accuracy())
                    .param("loss", evaluation.loss())
                    .param("model", modelFile)
                    .param("stopped", end.stoppedEarly())
                    .param("restored", end.restoredBestWeights())
                    .param("id", runId)
                    .update();
        });
        durable();
    }

    /**
     * Takes back a finish that could not be made durable (its model file is deleted): the run is RUNNING again,
     * without results, so that its failure can be recorded over it.
     */
    public void undoFinish(long runId) {
        transactions.executeWithoutResult(tx -> {
            for (String table : List.of("evaluation", "class_metrics", "misclassified")) {
                jdbc.sql("DELETE FROM " + table + " WHERE run_id = :id").param("id", runId).update();
            }
            jdbc.sql("""
                            UPDATE runs SET status = 'RUNNING', finished_at = NULL, test_accuracy = NULL,
                                            test_loss = NULL, model_file = NULL
                            WHERE id = :id AND status = 'FINISHED'""")
                    .param("id", runId)
                    .update();
        });
    }

    public Optional<RunRecord> findById(long runId) {
        return jdbc.sql("SELECT * FROM runs WHERE id = :id").param("id", runId).query(this::mapRun).optional();
    }

    public List<RunRecord> find(RunFilter filter, RunSort sort, int offset, int limit) {
        Where where = where(filter);
        var spec = jdbc.sql("SELECT * FROM runs" + where.sql + " ORDER BY " + orderBy(sort)
                + " LIMIT :limit OFFSET :offset");
        where.params.forEach(spec::param);
        return spec.param("limit", Math.max(0, limit)).param("offset", Math.max(0, offset))
                .query(this::mapRun).list();
    }

    public int count(RunFilter filter) {
        Where where = where(filter);
        var spec = jdbc.sql("SELECT COUNT(*) FROM runs" + where.sql);
        where.params.forEach(spec::param);
        return spec.query(Integer.class).single();
    }

    /** Active runs: running first, then queued, each in creation order. */
    public List<RunRecord> findActive() {
        return jdbc.sql("""
                        SELECT * FROM runs WHERE status IN ('QUEUED', 'RUNNING')
                        ORDER BY CASE status WHEN 'RUNNING' THEN 0 ELSE 1 END, id""")
                .query(this::mapRun).list();
    }

    /** Finished runs whose model file exists, best test accuracy first. */
    public List<RunRecord> finishedWithModel() {
        return jdbc.sql("""
                        SELECT * FROM runs WHERE status = 'FINISHED' AND model_file IS NOT NULL
                        ORDER BY test_accuracy DESC, id DESC""")
                .query(this::mapRun).list()
                .stream().filter(r -> existingModel(r).isPresent()).toList();
    }

    /** Everything stored about a run: the record, its finished epochs and its evaluation if it has one. */
    public Optional<RunReport> report(long runId) {
        return findById(runId).map(run -> new RunReport(run, epochs(run.id()), evaluation(run.id()).orElse(null)));
    }

    /** The saved model (a DL4J MultiLayerNetwork zip) when the file exists. */
    public Optional<Path> modelFile(long runId) {
        return findById(runId).flatMap(this::existingModel);
    }

    /** Where a run's model is (or would be) kept, whether or not the file exists. */
    Optional<Path> modelPath(RunRecord run) {
        return Optional.ofNullable(run.modelFile()).map(dataDir::resolve);
    }

    private Optional<Path> existingModel(RunRecord run) {
        return modelPath(run).filter(Files::isRegularFile);
    }

    public List<EpochMetrics> epochs(long runId) {
        return jdbc.sql("SELECT * FROM epoch_metrics WHERE run_id = :run ORDER BY epoch")
                .param("run", runId)
                .query((rs, n) -> new EpochMetrics(rs.getInt("epoch"), rs.getDouble("train_loss"),
                        rs.getDouble("train_accuracy"), nullToNan(rs, "validation_loss"),
                        nullToNan(rs, "validation_accuracy"), rs.getDouble("learning_rate"),
                        rs.getLong("duration_ms"), rs.getDouble("images_per_second")))
                .list();
    }

    public Optional<Evaluation> evaluation(long runId) {
        record Head(double accuracy, double loss, String confusion) {
        }
        Optional<Head> head = jdbc.sql("SELECT accuracy, loss, confusion_json FROM evaluation WHERE run_id = :run")
                .param("run", runId)
                .query((rs, n) -> new Head(rs.getDouble(1), rs.getDouble(2), rs.getString(3)))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<ClassMetrics> perClass = jdbc.sql("SELECT * FROM class_metrics WHERE run_id = :run ORDER BY label")
                .param("run", runId)
                .query((rs, n) -> new ClassMetrics(rs.getInt("label"), rs.getDouble("precision"),
                        rs.getDouble("recall"), rs.getDouble("f1"), rs.getInt("support")))
                .list();
        List<Misclassified> wrong = jdbc.sql("SELECT * FROM misclassified WHERE run_id = :run ORDER BY rank")
                .param("run", runId)
                .query((rs, n) -> new Misclassified(rs.getInt("test_index"), rs.getInt("true_label"),
                        rs.getInt("predicted_label"), rs.getDouble("confidence")))
                .list();
        int[][] confusion = fromJson(head.get().confusion(), int[][].class);
        return Optional.of(new Evaluation(head.get().accuracy(), head.get().loss(), confusion, perClass, wrong));
    }

    boolean rename(long runId, String newName) {
        return jdbc.sql("UPDATE runs SET name = :name WHERE id = :id")
                .param("name", newName).param("id", runId).update() > 0;
    }

    /** Deletes the run and (by cascade) its epochs and evaluation. */
    boolean delete(long runId) {
        return jdbc.sql("DELETE FROM runs WHERE id = :id").param("id", runId).update() > 0;
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(RunFilter filter) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter == null) {
            filter = RunFilter.ALL;
        }
        if (filter.dataset() != null) {
            clauses.add("dataset = :dataset");
            params.put("dataset", filter.dataset().name());
        }
        if (filter.architecture() != null) {
            clauses.add("architecture = :architecture");
            params.put("architecture", filter.architecture().name());
        }
        if (filter.status() != null) {
            clauses.add("status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            clauses.add("LOWER(name) LIKE :text ESCAPE '\\'");
            String escaped = filter.text().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put("text", "%" + escaped + "%");
        }
        if (filter.sweepId() != null) {
            clauses.add("sweep_id = :sweep");
            params.put("sweep", filter.sweepId());
        }
        if (filter.owner() != null) {
            clauses.add("owner = :owner");
            params.put("owner", filter.owner());
        }
        return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }

    private static String orderBy(RunSort sort) {
        if (sort == null) {
            sort = RunSort.NEWEST_FIRST;
        }
        String column = switch (sort.column()) {
            case CREATED -> "created_at";
            case NAME -> "LOWER(name)";
            case DATASET -> "dataset";
            case ARCHITECTURE -> "architecture";
            case STATUS -> "status";
            case EPOCHS -> "epochs_done";
            case BEST_VALIDATION_ACCURACY -> "best_validation_accuracy";
            case TEST_ACCURACY -> "test_accuracy";
            case DURATION -> "DATEDIFF('MILLISECOND', started_at, COALESCE(finished_at, CURRENT_TIMESTAMP))";
            case PARAMETERS -> "parameter_count";
            case TIME_TO_TARGET_1 -> "target1_seconds";
            case TIME_TO_TARGET_2 -> "target2_seconds";
            case TIME_TO_TARGET_3 -> "target3_seconds";
        };
        String direction = sort.ascending() ? " ASC NULLS LAST" : " DESC NULLS LAST";
        return column + direction + ", id" + (sort.ascending() ? " ASC" : " DESC");
    }

    private RunRecord mapRun(ResultSet rs, int row) throws SQLException {
        return new RunRecord(
                rs.getLong("id"),
                rs.getString("name"),
                fromJson(rs.getString("config_json"), RunConfig.class),
                RunStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getLong("parameter_count"),
                rs.getInt("epochs_done"),
                (Integer) rs.getObject("best_epoch", Integer.class),
                (Double) rs.getObject("best_validation_accuracy", Double.class),
                (Double) rs.getObject("test_accuracy", Double.class),
                (Double) rs.getObject("test_loss", Double.class),
                rs.getString("error_message"),
                stringMap(rs.getString("software_versions")),
                stringMap(rs.getString("dataset_checksums")),
                rs.getString("model_file"),
                imageCounts(rs),
                (Boolean) rs.getObject("stopped_early", Boolean.class),
                (Boolean) rs.getObject("restored_best_weights", Boolean.class),
                rs.getString("owner"));
    }

    private static ImageCounts imageCounts(ResultSet rs) throws SQLException {
        Integer train = rs.getObject("train_images", Integer.class);
        Integer validation = rs.getObject("validation_images", Integer.class);
        return train == null || validation == null ? null : new ImageCounts(train, validation);
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    <T> T fromJson(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " is not valid JSON: " + text, e);
        }
    }

    private Map<String, String> stringMap(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Double nanToNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static double nullToNan(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
