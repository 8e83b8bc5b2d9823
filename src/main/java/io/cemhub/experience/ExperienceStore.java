package io.cemhub.experience;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The experience index per customer (current value, and one per day for trends); V11. */
public class ExperienceStore {

    private final JdbcTemplate jdbc;

    public ExperienceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer's current index as stored. */
    public record Current(String customerId, String segment, double score, String band, String valueJson,
                          Instant computedAt, Instant bandSince) {
    }

    /** A day's value. */
    public record Day(Instant day, double score, String band) {
    }

    /** One segment's customers by band. */
    public record SegmentBand(String segment, String band, long customers, double averageScore) {
    }

    public Map<String, Current> all() {
        Map<String, Current> all = new HashMap<>();
        jdbc.query("select customer_id, segment, score, band, value_json, computed_at, band_since from customer_experience",
                rs -> {
                    all.put(rs.getString(1), new Current(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()));
                });
        return all;
    }

    public Optional<Current> find(String customerId) {
        return jdbc.query("select customer_id, segment, score, band, value_json, computed_at, band_since"
                + " from customer_experience where customer_id = ?", (rs, i) -> new Current(rs.getString(1), rs.getString(2),
                rs.getDouble(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7).toInstant()), customerId).stream().findFirst();
    }

    /** Writes a pass: updates the known customers, inserts the new ones, and sets today's value of each. */
    public void save(List<Current> values, Map<String, Current> before, Instant day) {
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (Current c : values) {
            Object[] row = {c.segment(), c.score(), c.band(), c.valueJson(), Timestamp.from(c.computedAt()),
                    Timestamp.from(c.bandSince()), c.customerId()};
            (before.containsKey(c.customerId()) ? updates : inserts).add(row);
        }
        jdbc.batchUpdate("update customer_experience set segment = ?, score = ?, band = ?, value_json = ?, computed_at = ?,"
                + " band_since = ? where customer_id = ?", updates);
        jdbc.batchUpdate("insert into customer_experience (segment, score, band, value_json, computed_at, band_since,"
                + " customer_id) values (?, ?, ?, ?, ?, ?, ?)", inserts);
        Timestamp dayStart = Timestamp.from(day);
        List<Object[]> days = values.stream().map(c -> new Object[] {c.score(), c.band(), c.customerId(), dayStart}).toList();
        int[] updated = jdbc.batchUpdate("update customer_experience_day set score = ?, band = ? where customer_id = ?"
                + " and day_start = ?", days);
        List<Object[]> newDays = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                newDays.add(days.get(i));
            }
        }
        jdbc.batchUpdate("insert into customer_experience_day (score, band, customer_id, day_start) values (?, ?, ?, ?)", newDays);
    }

    /** A customer's daily values in [from, to), oldest first. */
    public List<Day> days(String customerId, Instant from, Instant to) {
        return daysByCustomer(customerId, from, to).getOrDefault(customerId, List.of());
    }

    /** Daily values in [from, to) by customer (one customer, or null for all), oldest first. */
    public Map<String, List<Day>> daysByCustomer(String customerId, Instant from, Instant to) {
        Map<String, List<Day>> days = new HashMap<>();
        jdbc.query("select customer_id, day_start, score, band from customer_experience_day where day_start >= ? and day_start < ?"
                + (customerId == null ? "" : " and customer_id = ?") + " order by day_start", rs -> {
                    days.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Day(rs.getTimestamp(2).toInstant(),
                            rs.getDouble(3), rs.getString(4)));
                }, customerId == null ? new Object[] {Timestamp.from(from), Timestamp.from(to)}
                        : new Object[] {Timestamp.from(from), Timestamp.from(to), customerId});
        return days;
    }

    public List<SegmentBand> distribution() {
        return jdbc.query("select coalesce(segment, 'none'), band, count(*), avg(score) from customer_experience"
                + " group by coalesce(segment, 'none'), band order by 1, 2", (rs, i) -> new SegmentBand(rs.getString(1),
                rs.getString(2), rs.getLong(3), Math.round(rs.getDouble(4) * 10) / 10.0));
    }
}
