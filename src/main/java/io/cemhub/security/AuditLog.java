package io.cemhub.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit log (table audit_log): written by {@link AuditFilter}, the console filter and failed logins. */
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.cemhub.audit");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, int status, String detail) {
        String cut = detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        String where = target.length() > 1024 ? target.substring(0, 1024) : target;
        LOG.info("{} {} {} -> {}{}", actor, action, where, status, cut == null ? "" : " (" + cut + ")");
        try {
            jdbc.update("insert into audit_log (at, actor, action, target, status, detail) values (?, ?, ?, ?, ?, ?)",
                    Timestamp.from(clock.instant()), actor.length() > 128 ? actor.substring(0, 128) : actor, action, where,
                    status, cut);
        } catch (org.springframework.dao.DataAccessException e) {
            // the call itself must not fail because its audit could not be written; the log line above has it
            LOG.warn("audit entry not stored: {}", e.getMessage());
        }
    }

    /** Entries, newest first, optionally of one actor and action, within [from, to). */
    public List<Entry> find(String actor, String action, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("select at, actor, action, target, status, detail from audit_log where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (actor != null && !actor.isBlank()) {
            sql.append(" and actor = ?");
            args.add(actor);
        }
        if (action != null && !action.isBlank()) {
            sql.append(" and action = ?");
            args.add(action);
        }
        if (from != null) {
            sql.append(" and at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and at < ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" order by at desc, id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6)), args.toArray());
    }

    /** One audited action. */
    public record Entry(Instant at, String actor, String action, String target, int status, String detail) {
    }
}
