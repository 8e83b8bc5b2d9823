package io.cemhub.threshold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Threshold rules (current versions) and their audit trail: who changed what, when, old and new. */
public class RuleStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public RuleStore(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public List<ThresholdRule> all() {
        return jdbc.queryForList("select rule_json from threshold_rule order by id", String.class).stream()
                .map(this::read).toList();
    }

    public Optional<ThresholdRule> find(String id) {
        return jdbc.queryForList("select rule_json from threshold_rule where id = ?", String.class, id).stream()
                .findFirst().map(this::read);
    }

    /** Stores a new version (1 when new) and audits it. */
    public ThresholdRule save(ThresholdRule rule, String actor) {
        Optional<ThresholdRule> old = find(rule.id());
        ThresholdRule versioned = rule.withVersion(old.map(r -> r.version() + 1).orElse(1));
        Timestamp now = Timestamp.from(Instant.now());
        if (old.isPresent()) {
            jdbc.update("update threshold_rule set version = ?, rule_json = ?, metric = ?, updated_at = ? where id = ?",
                    versioned.version(), write(versioned), versioned.metric(), now, versioned.id());
        } else {
            jdbc.update("insert into threshold_rule (id, version, rule_json, metric, updated_at) values (?, ?, ?, ?, ?)",
                    versioned.id(), versioned.version(), write(versioned), versioned.metric(), now);
        }
        audit(versioned.id(), versioned.version(), old.isPresent() ? "update" : "create", actor,
                old.map(this::write).orElse(null), write(versioned), now);
        return versioned;
    }

    public boolean delete(String id, String actor) {
        Optional<ThresholdRule> old = find(id);
        if (old.isEmpty()) {
            return false;
        }
        jdbc.update("delete from threshold_rule where id = ?", id);
        audit(id, old.get().version(), "delete", actor, write(old.get()), null, Timestamp.from(Instant.now()));
        return true;
    }

    public List<AuditEntry> audit(String ruleId) {
        return jdbc.query("select version, action, actor, changed_at, old_json, new_json from threshold_rule_audit"
                        + " where rule_id = ? order by changed_at, version",
                (rs, n) -> new AuditEntry(ruleId, rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)), ruleId);
    }

    /** True once any rule was ever stored: config/thresholds.yaml seeds only an untouched database. */
    public boolean everUsed() {
        return jdbc.queryForObject("select count(*) from threshold_rule_audit", Long.class) > 0;
    }

    /** The latest change time, so that other instances notice changes. */
    public Instant lastChange() {
        Timestamp t = jdbc.queryForObject("select max(changed_at) from threshold_rule_audit", Timestamp.class);
        return t == null ? Instant.EPOCH : t.toInstant();
    }

    private void audit(String id, int version, String action, String actor, String oldJson, String newJson,
                       Timestamp at) {
        jdbc.update("insert into threshold_rule_audit (rule_id, version, action, actor, changed_at, old_json, new_json)"
                + " values (?, ?, ?, ?, ?, ?, ?)", id, version, action, actor, at, oldJson, newJson);
    }

    private ThresholdRule read(String json) {
        try {
            return mapper.readValue(json, ThresholdRule.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable rule " + json, e);
        }
    }

    private String write(ThresholdRule rule) {
        try {
            return mapper.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One audited change. */
    public record AuditEntry(String ruleId, int version, String action, String actor, Instant changedAt,
                             String oldJson, String newJson) {
    }
}
