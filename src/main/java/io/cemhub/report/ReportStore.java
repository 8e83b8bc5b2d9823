package io.cemhub.report;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stored reports (Flyway V13): metadata, a summary, the CSV and HTML renderings; and the report-only SQL. */
public class ReportStore {

    private static final String META = "id, scope, subject_id, customer_id, period, period_start, period_end, generated_at,"
            + " trigger_kind, requested_by, summary_json";

    private final JdbcTemplate jdbc;

    public ReportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A report's metadata (what the list shows). */
    public record Meta(String id, String scope, String subjectId, String customerId, String period, Instant from, Instant to,
                       Instant generatedAt, String trigger, String requestedBy, String summaryJson) {
    }

    /** What the list may be narrowed to; null fields do not narrow. */
    public record Filter(String customerId, String serviceId, String period, Instant from, Instant to) {
    }

    private static final RowMapper<Meta> META_ROW = (rs, i) -> new Meta(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
            rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10), rs.getString(11));

    /**
     * Stores a report, replacing the one of the same scope, subject, period and start (same id): an update
     * first, an insert when there was none, an update again when another instance inserted it meanwhile.
     */
    public void save(Meta m, String csv, String html) {
        if (update(m, csv, html) > 0) {
            return;
        }
        try {
            jdbc.update("insert into report (" + META + ", content_csv, content_html) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    m.id(), m.scope(), m.subjectId(), m.customerId(), m.period(), Timestamp.from(m.from()),
                    Timestamp.from(m.to()), Timestamp.from(m.generatedAt()), m.trigger(), m.requestedBy(), m.summaryJson(),
                    csv, html);
        } catch (DuplicateKeyException raced) {
            update(m, csv, html);
        }
    }

    private int update(Meta m, String csv, String html) {
        return jdbc.update("update report set customer_id = ?, period_end = ?, generated_at = ?, trigger_kind = ?,"
                + " requested_by = ?, summary_json = ?, content_csv = ?, content_html = ? where id = ?", m.customerId(),
                Timestamp.from(m.to()), Timestamp.from(m.generatedAt()), m.trigger(), m.requestedBy(), m.summaryJson(),
                csv, html, m.id());
    }

    /** Newest period first, then by subject. */
    public List<Meta> list(Filter f, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select " + META + " from report where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.customerId() != null) {
            sql.append(" and customer_id = ?");
            args.add(f.customerId());
        }
        if (f.serviceId() != null) {
            sql.append(" and scope = 'service' and subject_id = ?");
            args.add(f.serviceId());
        }
        if (f.period() != null) {
            sql.append(" and period = ?");
            args.add(f.period());
        }
        if (f.from() != null) {
            sql.append(" and period_start >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and period_start < ?");
            args.add(Timestamp.from(f.to()));
        }
        sql.append(" order by period_start desc, scope, subject_id, period limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), META_ROW, args.toArray());
    }

    public Optional<Meta> find(String id) {
        return jdbc.query("select " + META + " from report where id = ?", META_ROW, id).stream().findFirst();
    }

    /** @param format csv or html */
    public Optional<String> content(String id, String format) {
        String column = "csv".equals(format) ? "content_csv" : "content_html";
        return jdbc.query("select " + column + " from report where id = ?", (rs, i) -> rs.getString(1), id).stream().findFirst();
    }

    /** Reports of periods that began before {@code before} are deleted; how many were. */
    public int deleteBefore(Instant before) {
        return jdbc.update("delete from report where period_start < ?", Timestamp.from(before));
    }

    /** Trouble tickets of a customer in [from, to) by service (a ticket naming no service is under ""). */
    public Map<String, Long> ticketsByService(String customerId, Instant from, Instant to) {
        Map<String, Long> tickets = new HashMap<>();
        jdbc.query("select coalesce(service_id, ''), count(*) from interaction where customer_id = ? and occurred_at >= ?"
                + " and occurred_at < ? and interaction_type = 'troubleTicket' group by coalesce(service_id, '')", rs -> {
                    tickets.put(rs.getString(1), rs.getLong(2));
                }, customerId, Timestamp.from(from), Timestamp.from(to));
        return tickets;
    }

    /** Every customer's id, for a scheduled run. */
    public List<String> customerIds() {
        return jdbc.queryForList("select id from customer order by id", String.class);
    }
}
