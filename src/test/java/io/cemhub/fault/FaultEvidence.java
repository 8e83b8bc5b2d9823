package io.cemhub.fault;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a failed fault run leaves behind for whoever explains it: where the missing records are (still on a
 * queue, dead-lettered, quarantined, or evaluated and stored but never published), and a copy of the hub's
 * journal, database and logs under {@code target/fault-evidence/} (the test's own directory is deleted).
 */
final class FaultEvidence {

    private static final Logger LOG = LoggerFactory.getLogger(FaultEvidence.class);

    private FaultEvidence() {
    }

    /** Messages on each of {@code queues} as a browser sees them, or the reason they could not be counted. */
    static Map<String, String> queueDepths(ConnectionFactory factory, String... queues) {
        Map<String, String> depths = new LinkedHashMap<>();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            for (String queue : queues) {
                try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
                    depths.put(queue, String.valueOf(Collections.list(browser.getEnumeration()).size()));
                } catch (JMSException e) {
                    depths.put(queue, "not counted: " + e.getMessage());
                }
            }
        } catch (JMSException e) {
            depths.put("*", "no connection: " + e.getMessage());
        }
        return depths;
    }

    /** The stopped hub's H2 database at {@code dataDir}, read-only. */
    static java.sql.Connection hubDatabase(Path dataDir) throws SQLException {
        return java.sql.DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/cem")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;ACCESS_MODE_DATA=r", "sa", "");
    }

    /** Those of {@code ids} that have a measurement row in the stopped hub's H2 database at {@code dataDir}. */
    static List<String> storedMeasurements(Path dataDir, Collection<String> ids) {
        List<String> stored = new ArrayList<>();
        try (java.sql.Connection c = hubDatabase(dataDir);
             java.sql.PreparedStatement select = c.prepareStatement("select count(*) from measurement where id = ?")) {
            for (String id : ids) {
                select.setString(1, id);
                try (java.sql.ResultSet rs = select.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        stored.add(id);
                    }
                }
            }
        } catch (SQLException e) {
            LOG.error("could not read the measurement rows in {}", dataDir, e);
        }
        return stored;
    }

    /** Copies {@code dir} (a stopped hub's data and logs) to {@code target/fault-evidence/<name>-<time>}. */
    static Path keep(Path dir, String name) {
        Path target = Path.of("target", "fault-evidence",
                name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(dir.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the evidence of " + dir, e);
        }
        LOG.error("the failed run's data and logs are kept in {}", target.toAbsolutePath());
        return target;
    }
}
