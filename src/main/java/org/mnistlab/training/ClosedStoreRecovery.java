package org.mnistlab.training;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets the run store come back after H2 closed itself (a write failed on a full disk, H2's "The database has
 * been closed"): the pool's connections all belong to the closed database, so on the first such error every one
 * of them is evicted, and the next use opens H2 again, which works as soon as the disk has room.
 */
@Component
public class ClosedStoreRecovery implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(ClosedStoreRecovery.class);

    /**
     * H2 error codes that mean the database, not the statement, is gone: closed (90098), closed at shutdown
     * (90121), the session's object closed (90007), a file I/O error (90028, 90031) and the store's panic (50000
     * wraps MVStore's "is closed"; only with the latter in the message).
     */
    private static final Set<Integer> CLOSED = Set.of(90098, 90121, 90007, 90028, 90031);

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource) {
            install(dataSource);
        }
        return bean;
    }

    /** Makes the pool drop all its connections when one of them finds the database closed. */
    public static void install(HikariDataSource dataSource) {
        dataSource.setExceptionOverride(new EvictAllWhenClosed(dataSource));
    }

    /** Decides per failed JDBC call on a pooled connection. */
    private record EvictAllWhenClosed(HikariDataSource dataSource) implements SQLExceptionOverride {
        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException e) {
            if (!isClosedDatabase(e)) {
                return SQLExceptionOverride.Override.CONTINUE_EVICT;
            }
            var pool = dataSource.getHikariPoolMXBean();
            if (pool != null) {
                log.warn("The run store's database is closed ({}); reopening it on next use", e.getMessage());
                pool.softEvictConnections();
            }
            return SQLExceptionOverride.Override.MUST_EVICT;
        }
    }

    static boolean isClosedDatabase(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (CLOSED.contains(sql.getErrorCode())
                    || sql.getErrorCode() == 50000 && String.valueOf(sql.getMessage()).contains("closed"))) {
                return true;
            }
        }
        return false;
    }
}
