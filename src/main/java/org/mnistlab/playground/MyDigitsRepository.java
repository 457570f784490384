package org.mnistlab.playground;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code my_digit} table (Flyway V2). */
@Repository
public class MyDigitsRepository {

    private final JdbcClient jdbc;

    public MyDigitsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public MyDigit insert(int label, byte[] pixels, Instant createdAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO my_digit (label, pixels, created_at) VALUES (:label, :pixels, :createdAt)")
                .param("label", label)
                .param("pixels", pixels)
                .param("createdAt", Timestamp.from(createdAt))
                .update(keys, "id");
        return new MyDigit(keys.getKey().longValue(), label, pixels, createdAt);
    }

    /** Newest first. */
    public List<MyDigit> findAll() {
        return jdbc.sql("SELECT id, label, pixels, created_at FROM my_digit ORDER BY created_at DESC, id DESC")
                .query(MyDigitsRepository::map)
                .list();
    }

    /** The newest {@code limit} digits, newest first. */
    public List<MyDigit> findNewest(int limit) {
        return jdbc.sql("SELECT id, label, pixels, created_at FROM my_digit ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query(MyDigitsRepository::map)
                .list();
    }

    public Optional<MyDigit> findById(long id) {
        return jdbc.sql("SELECT id, label, pixels, created_at FROM my_digit WHERE id = :id")
                .param("id", id)
                .query(MyDigitsRepository::map)
                .optional();
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM my_digit").query(Integer.class).single();
    }

    /** @return whether a row was deleted */
    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM my_digit WHERE id = :id").param("id", id).update() > 0;
    }

    private static MyDigit map(ResultSet rs, int row) throws SQLException {
        return new MyDigit(rs.getLong("id"), rs.getInt("label"), rs.getBytes("pixels"),
                rs.getTimestamp("created_at").toInstant());
    }
}
