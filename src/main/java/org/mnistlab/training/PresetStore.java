package org.mnistlab.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The presets users saved, in H2 (db/migration/V12__run_presets.sql); names are unique regardless of case. */
@Repository
public class PresetStore {

    public static final int MAX_NAME_LENGTH = 100;

    private final JdbcClient jdbc;
    /** Writes and reads configurations the way stored runs keep them. */
    private final RunStore runs;

    public PresetStore(JdbcClient jdbc, RunStore runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    /**
     * Saves a configuration under a name no built-in or saved preset has.
     *
     * @param owner who saves it; null for the system
     * @throws PresetNameException when the name is empty, too long or taken
     */
    public SavedPreset save(String name, RunConfig config, String owner) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new PresetNameException("Enter a name for the preset");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new PresetNameException("At most " + MAX_NAME_LENGTH + " characters");
        }
        String key = trimmed.toLowerCase(Locale.ROOT);
        if (Arrays.stream(RunPreset.values()).anyMatch(p -> p.displayName().toLowerCase(Locale.ROOT).equals(key))
                || exists(key)) {
            throw taken(trimmed);
        }
        RunConfig unnamed = config.toBuilder().name("").build();
        Instant now = Instant.now();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO run_preset (name, name_key, config_json, owner, created_at)
                    VALUES (:name, :key, :config, :owner, :created)""")
                    .param("name", trimmed).param("key", key).param("config", runs.toJson(unnamed))
                    .param("owner", owner).param("created", now.atOffset(ZoneOffset.UTC))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw taken(trimmed); // saved by someone else since the check
        }
        return new SavedPreset(keys.getKey().longValue(), trimmed, unnamed, owner, now);
    }

    /** Every saved preset, by name. */
    public List<SavedPreset> list() {
        return jdbc.sql("SELECT * FROM run_preset ORDER BY name_key").query(this::map).list();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM run_preset WHERE id = :id").param("id", id).update();
    }

    private boolean exists(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM run_preset WHERE name_key = :key").param("key", key)
                .query(Integer.class).single() > 0;
    }

    private static PresetNameException taken(String name) {
        return new PresetNameException("A preset named “" + name + "” already exists; choose another name");
    }

    private SavedPreset map(ResultSet rs, int row) throws SQLException {
        return new SavedPreset(rs.getLong("id"), rs.getString("name"),
                runs.fromJson(rs.getString("config_json"), RunConfig.class), rs.getString("owner"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
