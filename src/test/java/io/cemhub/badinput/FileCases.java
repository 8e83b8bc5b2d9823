package io.cemhub.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.EventCollector;
import org.springframework.core.env.Environment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the file corpus: each case is a file dropped in the inbox it names ({@code on}, declared under
 * {@code inboxes} with the setting that holds its folder and whether its files have a header line). The
 * file must move to done/, and then: {@code lines} (line number -> part of the reason) are the lines
 * quarantined, each alone, its payload the line's own bytes (behind the header line when the files have
 * one), its origin the file and {@code #line=n}; or {@code whole} (a part of the reason): the file is
 * quarantined whole, byte for byte. {@code accepted}: that many record events whose id holds the case's
 * marker arrive (the good lines of the file), and no others.
 */
final class FileCases {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final Environment environment;
    private final QuarantineProbe quarantine;
    private final EventCollector events;

    FileCases(Environment environment, QuarantineProbe quarantine, EventCollector events) {
        this.environment = environment;
        this.quarantine = quarantine;
        this.events = events;
    }

    static String inboxOf(Corpus.Case c) {
        String on = c.text("on");
        if (on == null) {
            throw new IllegalStateException(c + " names no inbox (on)");
        }
        return on;
    }

    void run(Corpus corpus, Corpus.Case c, String inboxName, String marker) throws IOException {
        QuarantineProbe quarantine = this.quarantine.since(System.currentTimeMillis() - 1000);
        JsonNode inbox = corpus.root().path("inboxes").path(inboxName);
        assertThat(inbox.isObject()).as("inbox " + inboxName + " declared under inboxes").isTrue();
        Path folder = Path.of(environment.getRequiredProperty(inbox.path("property").asText()));
        String adapter = inbox.path("adapter").asText();
        byte[] content = Inputs.of(corpus, c, marker);
        String name = marker + ".csv";
        JsonNode expect = c.expect();

        Files.createDirectories(folder);
        Path part = folder.resolve(name + ".part");
        Files.write(part, content);
        Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);

        await().atMost(WAIT).until(() -> done(folder).anyMatch(f -> f.startsWith(marker)));
        List<QuarantineProbe.Entry> entries = await().atMost(WAIT).until(() -> ofFile(quarantine, name),
                found -> found.size() == expected(expect));
        if (expect.has("whole")) {
            QuarantineProbe.Entry entry = entries.get(0);
            assertThat(entry.origin()).as("origin").endsWith(name);
            assertThat(entry.payload()).as("the file, byte for byte").isEqualTo(content);
            assertThat(entry.reason()).containsIgnoringCase(expect.path("whole").asText());
            assertThat(entry.adapter()).isEqualTo(adapter);
        }
        List<byte[]> lines = lines(content);
        byte[] header = inbox.path("header").asBoolean() ? firstNonBlank(lines) : null;
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("lines").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> line = it.next();
            int n = Integer.parseInt(line.getKey());
            QuarantineProbe.Entry entry = entries.stream().filter(e -> e.origin().endsWith(name + "#line=" + n))
                    .findFirst().orElseThrow(() -> new AssertionError("no quarantine entry for line " + n + " in "
                            + entries.stream().map(QuarantineProbe.Entry::origin).toList()));
            assertThat(entry.reason()).as("reason of line " + n).contains("line " + n)
                    .containsIgnoringCase(line.getValue().asText());
            assertThat(entry.payload()).as("payload of line " + n + " (its own bytes)")
                    .isEqualTo(kept(header, lines.get(n - 1)));
            assertThat(entry.adapter()).isEqualTo(adapter);
        }
        int accepted = expect.path("accepted").asInt(0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(recordsOf(marker)).as("record events of " + marker)
                .isEqualTo(accepted));
    }

    private static int expected(JsonNode expect) {
        return expect.has("whole") ? 1 : expect.path("lines").size();
    }

    private long recordsOf(String marker) {
        return events.recordEvents().stream().filter(e -> e.path("correlationId").asText().contains(marker)).count();
    }

    private static List<QuarantineProbe.Entry> ofFile(QuarantineProbe quarantine, String name) {
        return quarantine.browse(QuarantineProbe.QUARANTINE).stream()
                .filter(e -> e.origin() != null && e.origin().replaceFirst("#line=\\d+$", "").endsWith("/" + name))
                .toList();
    }

    /** What the hub keeps of a bad line: the header line (if any) and the line, each ended by a line feed. */
    private static byte[] kept(byte[] header, byte[] line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (header != null) {
            out.writeBytes(header);
            out.write('\n');
        }
        out.writeBytes(line);
        out.write('\n');
        return out.toByteArray();
    }

    /** The file's lines as bytes: split at line feeds, a carriage return before one dropped; a BOM left out. */
    static List<byte[]> lines(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
                && (content[2] & 0xff) == 0xbf ? 3 : 0;
        List<byte[]> lines = new ArrayList<>();
        for (int i = start; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                int end = i > start && content[i - 1] == '\r' ? i - 1 : i;
                byte[] line = new byte[Math.max(0, end - start)];
                System.arraycopy(content, start, line, 0, line.length);
                lines.add(line);
                start = i + 1;
            }
        }
        return lines;
    }

    private static byte[] firstNonBlank(List<byte[]> lines) {
        return lines.stream().filter(l -> !new String(l, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank())
                .findFirst().orElse(new byte[0]);
    }

    private static Stream<String> done(Path folder) throws IOException {
        Path done = folder.resolve("done");
        if (!Files.isDirectory(done)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.map(f -> f.getFileName().toString()).toList().stream();
        }
    }
}
