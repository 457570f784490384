package org.mnistlab.insight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mnistlab.training.LayerDiagnostics;
import org.mnistlab.training.LayerStats;
import org.mnistlab.training.RunEvent;
import org.mnistlab.training.RunQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the layer diagnostics every run publishes ({@link RunEvent.LayersMeasured}), per run and epoch.
 * It subscribes when the application starts, before any page, so a page that reads the store after
 * subscribing itself misses nothing. Rows go with their run (ON DELETE CASCADE).
 */
@Repository
public class LayerDiagnosticsStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    public LayerDiagnosticsStore(JdbcClient jdbc, JdbcTemplate batches, RunQueue queue) {
        this.jdbc = jdbc;
        this.batches = batches;
        queue.subscribe(event -> {
            if (event instanceof RunEvent.LayersMeasured m) {
                insert(m.runId(), m.diagnostics());
            }
        });
    }

    void insert(long runId, LayerDiagnostics d) {
        List<Object[]> rows = new ArrayList<>();
        for (LayerStats s : d.layers()) {
            rows.add(new Object[] {runId, d.epoch(), s.layer(), s.name(), d.samples(), orNull(s.meanAbsParam()),
                    orNull(s.meanAbsUpdate()), orNull(s.activationStd()), orNull(s.gradientStd())});
        }
        batches.batchUpdate("""
                MERGE INTO layer_diagnostics (run_id, epoch, layer_index, layer_name, samples, mean_abs_param,
                    mean_abs_update, activation_std, gradient_std) KEY (run_id, epoch, layer_index)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** The run's diagnostics in epoch order; empty for a run without any (trained before they existed). */
    public List<LayerDiagnostics> forRun(long runId) {
        Map<Integer, List<LayerStats>> byEpoch = new LinkedHashMap<>();
        Map<Integer, Integer> samples = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM layer_diagnostics WHERE run_id = :run ORDER BY epoch, layer_index")
                .param("run", runId)
                .query(rs -> {
                    int epoch = rs.getInt("epoch");
                    samples.put(epoch, rs.getInt("samples"));
                    byEpoch.computeIfAbsent(epoch, e -> new ArrayList<>()).add(stats(rs));
                });
        List<LayerDiagnostics> result = new ArrayList<>();
        byEpoch.forEach((epoch, layers) -> result.add(new LayerDiagnostics(epoch, samples.get(epoch), layers)));
        return result;
    }

    private static LayerStats stats(ResultSet rs) throws SQLException {
        return new LayerStats(rs.getInt("layer_index"), rs.getString("layer_name"), nan(rs, "mean_abs_param"),
                nan(rs, "mean_abs_update"), nan(rs, "activation_std"), nan(rs, "gradient_std"));
    }

    private static double nan(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
