package io.cemhub.threshold;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cemhub.config.ConfigFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules: validated, versioned and audited writes; a {@link RuleBook} for the pipeline that a change
 * made here replaces at once (the next measurement sees it) and that other instances reload within
 * {@code cem.thresholds.refresh}. Seeded from config/thresholds.yaml when the database has never held rules.
 */
@Transactional
public class RuleService {

    private static final Logger LOG = LoggerFactory.getLogger(RuleService.class);

    private final RuleStore store;
    private final RuleValidator validator;
    private final Clock clock;
    private final Duration refresh;
    private volatile RuleBook book = RuleBook.empty();
    private volatile Instant bookChange = Instant.EPOCH;
    private volatile Instant checkedAt = Instant.EPOCH;

    public RuleService(RuleStore store, RuleValidator validator, Clock clock, Duration refresh) {
        this.store = store;
        this.validator = validator;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** The rules the pipeline evaluates with; cheap to call per batch. */
    @Transactional(readOnly = true)
    public RuleBook current() {
        Instant now = clock.instant();
        if (Duration.between(checkedAt, now).compareTo(refresh) >= 0) {
            checkedAt = now;
            Instant change = store.lastChange();
            if (!change.equals(bookChange)) {
                reload(change);
            }
        }
        return book;
    }

    @Transactional(readOnly = true)
    public List<ThresholdRule> all() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public Optional<ThresholdRule> find(String id) {
        return store.find(id);
    }

    public ThresholdRule save(ThresholdRule rule, String actor) {
        List<String> problems = validator.problems(rule);
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        ThresholdRule saved = store.save(rule, actor);
        reload(store.lastChange());
        return saved;
    }

    public boolean delete(String id, String actor) {
        boolean deleted = store.delete(id, actor);
        reload(store.lastChange());
        return deleted;
    }

    @Transactional(readOnly = true)
    public List<RuleStore.AuditEntry> audit(String id) {
        return store.audit(id);
    }

    /** First start only: the rules of config/thresholds.yaml. */
    public void seed(ConfigFiles files) {
        if (store.everUsed()) {
            reload(store.lastChange());
            return;
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());
        try (InputStream in = files.open("thresholds.yaml")) {
            SeedFile seed = yaml.readValue(in, SeedFile.class);
            for (ThresholdRule rule : seed.rules() == null ? List.<ThresholdRule>of() : seed.rules()) {
                save(rule, "seed:" + files.describe("thresholds.yaml"));
            }
            LOG.info("threshold rules seeded from {}: {}", files.describe("thresholds.yaml"), store.all().size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + files.describe("thresholds.yaml") + ": " + e.getMessage(), e);
        } catch (InvalidRuleException e) {
            throw new IllegalStateException(files.describe("thresholds.yaml") + ": " + e.getMessage(), e);
        }
    }

    private void reload(Instant change) {
        book = new RuleBook(store.all());
        bookChange = change;
    }

    private record SeedFile(List<ThresholdRule> rules) {
    }
}
