package org.mnistlab.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users and API token hashes in H2. */
@Repository
public class UserStore {

    /** A stored user with its password hash, for authentication only. */
    record Credentials(String username, String passwordHash, Role role) {
    }

    private final JdbcClient jdbc;

    public UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql("SELECT username, password_hash, role FROM app_user WHERE username = :u")
                .param("u", username)
                .query((rs, i) -> new Credentials(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))))
                .optional();
    }

    public List<AppUser> all() {
        return jdbc.sql("SELECT username, role, created_at FROM app_user ORDER BY username")
                .query((rs, i) -> new AppUser(rs.getString(1), Role.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Integer.class).single();
    }

    boolean insert(String username, String passwordHash, Role role, Instant createdAt) {
        return jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, role, created_at)
                        SELECT :u, :h, :r, :c FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE username = :u)""")
                .param("u", username).param("h", passwordHash).param("r", role.name())
                .param("c", Timestamp.from(createdAt))
                .update() == 1;
    }

    boolean updatePassword(String username, String passwordHash) {
        return jdbc.sql("UPDATE app_user SET password_hash = :h WHERE username = :u")
                .param("h", passwordHash).param("u", username).update() == 1;
    }

    boolean updateRole(String username, Role role) {
        return jdbc.sql("UPDATE app_user SET role = :r WHERE username = :u")
                .param("r", role.name()).param("u", username).update() == 1;
    }

    boolean delete(String username) {
        return jdbc.sql("DELETE FROM app_user WHERE username = :u").param("u", username).update() == 1;
    }

    int countAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN'").query(Integer.class).single();
    }

    void insertToken(String username, String tokenHash, String label, Instant createdAt) {
        jdbc.sql("""
                        INSERT INTO api_token (username, token_hash, label, created_at)
                        VALUES (:u, :h, :l, :c)""")
                .param("u", username).param("h", tokenHash).param("l", label).param("c", Timestamp.from(createdAt))
                .update();
    }

    /** The owner of the token with this hash. */
    Optional<String> tokenOwner(String tokenHash) {
        return jdbc.sql("SELECT username FROM api_token WHERE token_hash = :h").param("h", tokenHash)
                .query(String.class).optional();
    }

    public List<ApiTokenInfo> tokens(String username) {
        return jdbc.sql("SELECT id, label, created_at FROM api_token WHERE username = :u ORDER BY id")
                .param("u", username)
                .query((rs, i) -> new ApiTokenInfo(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    boolean deleteToken(String username, long id) {
        return jdbc.sql("DELETE FROM api_token WHERE id = :id AND username = :u")
                .param("id", id).param("u", username).update() == 1;
    }
}
