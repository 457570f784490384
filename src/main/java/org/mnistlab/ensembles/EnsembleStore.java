package org.mnistlab.ensembles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.playground.EnsembleMode;
import org.mnistlab.training.ClassMetrics;
import org.mnistlab.training.Evaluation;
import org.mnistlab.training.Misclassified;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Ensembles and their evaluations in H2. */
@Repository
public class EnsembleStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public EnsembleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the ensemble (its id is ignored) with both evaluations; returns the stored one. */
    @Transactional
    public EnsembleResult insert(Ensemble ensemble, Evaluation average, Evaluation vote) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO ensemble (dataset, members_json, owner, created_at, seconds)
                        VALUES (:dataset, :members, :owner, :created, :seconds)""")
                .param("dataset", ensemble.dataset().name())
                .param("members", toJson(ensemble.members()))
                .param("owner", ensemble.owner())
                .param("created", ensemble.createdAt().atOffset(ZoneOffset.UTC))
                .param("seconds", ensemble.seconds())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertEvaluation(id, EnsembleMode.AVERAGE, average);
        insertEvaluation(id, EnsembleMode.MAJORITY, vote);
        return find(id).orElseThrow();
    }

    private void insertEvaluation(long id, EnsembleMode mode, Evaluation evaluation) {
        List<double[]> wrong = evaluation.misclassified().stream()
                .map(m -> new double[] {m.testIndex(), m.trueLabel(), m.predictedLabel(), m.confidence()})
                .toList();
        jdbc.sql("""
                        INSERT INTO ensemble_evaluation (ensemble_id, mode, accuracy, loss, confusion_json, misclassified_json)
                        VALUES (:id, :mode, :accuracy, :loss, :confusion, :wrong)""")
                .param("id", id)
                .param("mode", mode.name())
                .param("accuracy", evaluation.accuracy())
                .param("loss", evaluation.loss())
                .param("confusion", toJson(evaluation.confusion()))
                .param("wrong", toJson(wrong))
                .update();
    }

    /** Newest first. */
    public List<Ensemble> findAll() {
        return jdbc.sql(SELECT + " ORDER BY e.id DESC").query(this::ensemble).list();
    }

    public Optional<EnsembleResult> find(long id) {
        Optional<Ensemble> ensemble = jdbc.sql(SELECT + " WHERE e.id = :id").param("id", id)
                .query(this::ensemble).optional();
        return ensemble.map(e -> new EnsembleResult(e, evaluation(id, EnsembleMode.AVERAGE),
                evaluation(id, EnsembleMode.MAJORITY)));
    }

    private static final String SELECT = """
            SELECT e.*, a.accuracy AS average_accuracy, v.accuracy AS vote_accuracy FROM ensemble e
            JOIN ensemble_evaluation a ON a.ensemble_id = e.id AND a.mode = 'AVERAGE'
            JOIN ensemble_evaluation v ON v.ensemble_id = e.id AND v.mode = 'MAJORITY'""";

    private Ensemble ensemble(ResultSet rs, int row) throws SQLException {
        return new Ensemble(rs.getLong("id"), DatasetKind.valueOf(rs.getString("dataset")),
                fromJson(rs.getString("members_json"), new TypeReference<List<EnsembleMember>>() { }),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("owner"),
                rs.getDouble("average_accuracy"), rs.getDouble("vote_accuracy"), rs.getDouble("seconds"));
    }

    private Evaluation evaluation(long id, EnsembleMode mode) {
        record Row(double accuracy, double loss, String confusion, String wrong) {
        }
        Row row = jdbc.sql("""
                        SELECT accuracy, loss, confusion_json, misclassified_json FROM ensemble_evaluation
                        WHERE ensemble_id = :id AND mode = :mode""")
                .param("id", id).param("mode", mode.name())
                .query((rs, n) -> new Row(rs.getDouble(1), rs.getDouble(2), rs.getString(3), rs.getString(4)))
                .single();
        int[][] confusion = fromJson(row.confusion(), new TypeReference<int[][]>() { });
        List<Misclassified> wrong = new ArrayList<>();
        for (double[] m : fromJson(row.wrong(), new TypeReference<List<double[]>>() { })) {
            wrong.add(new Misclassified((int) m[0], (int) m[1], (int) m[2], m[3]));
        }
        return new Evaluation(row.accuracy(), row.loss(), confusion, ClassMetrics.fromConfusion(confusion),
                List.copyOf(wrong));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write an ensemble as JSON", e);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored ensemble could not be read", e);
        }
    }
}
