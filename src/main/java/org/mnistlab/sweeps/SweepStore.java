package org.mnistlab.sweeps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunConfig;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sweeps and their trials in H2 (db/migration/V8__sweeps.sql); the trials' runs stay in the run store. */
@Repository
public class SweepStore {

    /** Recent epochs of a model that the budget's throughput averages. */
    private static final int THROUGHPUT_EPOCHS = 50;

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public SweepStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored trial: {@code runId} null until queued (or after its run was deleted). */
    public record TrialRow(int index, RunConfig config, Long runId, String stoppedReason) {
    }

    /** The sweep and a row per trial configuration, in one transaction's worth of inserts. */
    long insert(SweepSpec spec, List<RunConfig> trials, Instant createdAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sweeps (name, spec_json, created_at) VALUES (:name, :spec, :created)")
                .param("name", spec.displayName()).param("spec", toJson(spec))
                .param("created", createdAt.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (int i = 0; i < trials.size(); i++) {
            jdbc.sql("INSERT INTO sweep_trials (sweep_id, trial_index, config_json) VALUES (:sweep, :index, :config)")
                    .param("sweep", id).param("index", i).param("config", toJson(trials.get(i))).update();
        }
        return id;
    }

    /** Points the trial at the run training it and marks the run as the sweep's. */
    void assignRun(long sweepId, int index, long runId) {
        jdbc.sql("UPDATE sweep_trials SET run_id = :run, stopped_reason = NULL WHERE sweep_id = :sweep AND trial_index = :index")
                .param("run", runId).param("sweep", sweepId).param("index", index).update();
        jdbc.sql("UPDATE runs SET sweep_id = :sweep WHERE id = :run").param("sweep", sweepId).param("run", runId).update();
    }

    /** The trial waits to be queued again (its last run stays in the runs, with the sweep). */
    void clearRun(long sweepId, int index) {
        jdbc.sql("UPDATE sweep_trials SET run_id = NULL, stopped_reason = NULL WHERE sweep_id = :sweep AND trial_index = :index")
                .param("sweep", sweepId).param("index", index).update();
    }

    void markStopped(long runId, String reason) {
        jdbc.sql("UPDATE sweep_trials SET stopped_reason = :reason WHERE run_id = :run")
                .param("reason", reason).param("run", runId).update();
    }

    void markCancelled(long sweepId) {
        jdbc.sql("UPDATE sweeps SET cancelled = TRUE WHERE id = :id").param("id", sweepId).update();
    }

    /** Newest first. */
    public List<Sweep> findAll() {
        return jdbc.sql("SELECT * FROM sweeps ORDER BY id DESC").query(this::mapSweep).list();
    }

    public Optional<Sweep> findById(long sweepId) {
        return jdbc.sql("SELECT * FROM sweeps WHERE id = :id").param("id", sweepId).query(this::mapSweep).optional();
    }

    public List<TrialRow> trials(long sweepId) {
        return jdbc.sql("SELECT * FROM sweep_trials WHERE sweep_id = :sweep ORDER BY trial_index")
                .param("sweep", sweepId)
                .query((rs, n) -> new TrialRow(rs.getInt("trial_index"), fromJson(rs.getString("config_json"), RunConfig.class),
                        rs.getObject("run_id", Long.class), rs.getString("stopped_reason")))
                .list();
    }

    /** The sweep a run trains a trial of. */
    Optional<Long> sweepOfTrialRun(long runId) {
        return jdbc.sql("SELECT sweep_id FROM sweep_trials WHERE run_id = :run").param("run", runId)
                .query(Long.class).optional();
    }

    /** Validation accuracies after {@code epoch} of the sweep's trials other than {@code runId}'s. */
    List<Double> validationAccuraciesAt(long sweepId, int epoch, long runId) {
        return jdbc.sql("""
                        SELECT e.validation_accuracy FROM epoch_metrics e
                        JOIN sweep_trials t ON t.run_id = e.run_id
                        WHERE t.sweep_id = :sweep AND e.epoch = :epoch AND e.run_id <> :run
                          AND e.validation_accuracy IS NOT NULL""")
                .param("sweep", sweepId).param("epoch", epoch).param("run", runId)
                .query(Double.class).list();
    }

    /** Mean training images per second over the model's most recent epochs; empty when none was measured. */
    public OptionalDouble imagesPerSecond(Architecture architecture) {
        List<Double> rates = jdbc.sql("""
                        SELECT e.images_per_second FROM epoch_metrics e JOIN runs r ON r.id = e.run_id
                        WHERE r.architecture = :architecture AND e.images_per_second > 0
                        ORDER BY r.id DESC, e.epoch DESC LIMIT :limit""")
                .param("architecture", architecture.name()).param("limit", THROUGHPUT_EPOCHS)
                .query(Double.class).list();
        return rates.stream().mapToDouble(Double::doubleValue).average();
    }

    private Sweep mapSweep(ResultSet rs, int row) throws SQLException {
        return new Sweep(rs.getLong("id"), fromJson(rs.getString("spec_json"), SweepSpec.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("cancelled"));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T fromJson(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " is not valid JSON", e);
        }
    }
}
