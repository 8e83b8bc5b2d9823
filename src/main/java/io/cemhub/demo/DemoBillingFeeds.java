package io.cemhub.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's billing system: Asterisk CDR files dropped in the billing inbox and money events for the
 * JMS queue, for the demo customers' billing accounts. Most calls are answered; now and then a customer
 * has a bad quarter of an hour (most calls fail), a file has a malformed line (quarantined alone, with its
 * line number) and a money event is malformed (its message is quarantined whole).
 */
public class DemoBillingFeeds {

    private static final DateTimeFormatter ASTERISK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final String[] MONEY_KINDS = {"paymentReceived", "paymentOverdue", "balanceLow", "creditApplied"};

    private final Random random = new Random();
    private final Clock clock;
    private final Path inbox;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong moneyEvents = new AtomicLong();

    public DemoBillingFeeds(Clock clock, Path inbox) {
        this.clock = clock;
        this.inbox = inbox;
    }

    /** Drops a CDR file of eight calls (Asterisk's Master.csv layout, no header); every 5th has a bad line. */
    public void dropCdrFile() throws IOException {
        long file = files.incrementAndGet();
        int troubled = random.nextInt(10) == 0 ? 1 + random.nextInt(DemoFleet.CUSTOMERS) : 0;
        StringBuilder csv = new StringBuilder();
        for (int k = 0; k < 8; k++) {
            int i = troubled > 0 && k % 2 == 0 ? troubled : 1 + random.nextInt(DemoFleet.CUSTOMERS);
            csv.append(cdr(i, i == troubled, file % 5 == 0 && k == 3));
        }
        Files.createDirectories(inbox);
        Path partial = inbox.resolve("Master-" + file + ".csv.part");
        Files.writeString(partial, csv);
        Files.move(partial, inbox.resolve("Master-" + clock.millis() + ".csv"), StandardCopyOption.ATOMIC_MOVE);
    }

    private String cdr(int customer, boolean troubled, boolean malformed) {
        long n = calls.incrementAndGet();
        String[] failures = {"NO ANSWER", "BUSY", "FAILED"};
        String disposition = random.nextInt(troubled ? 5 : 10) == 0 || !troubled && random.nextInt(8) == 0
                ? failures[random.nextInt(failures.length)] : "ANSWERED";
        boolean answered = "ANSWERED".equals(disposition);
        int ring = 2 + random.nextInt(10);
        int billsec = answered ? 10 + random.nextInt(600) : 0;
        Instant end = clock.instant().minusSeconds(1 + random.nextInt(20));
        Instant start = end.minusSeconds(ring + billsec);
        String src = String.format(Locale.ROOT, "%d", 2000 + customer);
        String dst = String.format(Locale.ROOT, "06%08d", random.nextInt(100_000_000));
        return String.join(",", q(DemoFleet.billingAccount(customer)), q(src), q(dst), q("from-internal"),
                q("\"Demo customer " + customer + "\" <" + src + ">"), q("SIP/" + src + "-" + Long.toHexString(n)),
                q(answered ? "SIP/trunk-" + Long.toHexString(n + 1) : ""), q("Dial"), q("SIP/trunk/" + dst + ",60,tT"),
                q(ASTERISK.format(start)), q(answered ? ASTERISK.format(start.plusSeconds(ring)) : ""),
                q(ASTERISK.format(end)), String.valueOf(ring + billsec), malformed ? "\"n/a\"" : String.valueOf(billsec),
                q(disposition), q("DOCUMENTATION"), q(start.getEpochSecond() + "." + n), q("")) + "\n";
    }

    /** RFC 4180 quoting, as Asterisk's cdr_csv writes its text fields. */
    private static String q(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }

    /** Body of a JMS message on the billing events queue: one or two money events; every 10th is malformed. */
    public String moneyEvents() {
        long n = moneyEvents.incrementAndGet();
        StringJoiner events = new StringJoiner(",", "[", "]");
        for (int k = 0; k < 1 + random.nextInt(2); k++) {
            int i = 1 + random.nextInt(DemoFleet.CUSTOMERS);
            String kind = MONEY_KINDS[random.nextInt(MONEY_KINDS.length)];
            events.add(String.format(Locale.ROOT, "{\"eventId\":\"DEMO-%d-%d-%d\",\"type\":\"%s\",\"account\":\"%s\","
                            + "\"amount\":{\"minor\":%d,\"currency\":\"%s\"},\"time\":\"%s\"}", clock.millis(), n, k, kind,
                    DemoFleet.billingAccount(i), 500 + random.nextInt(20_000), n % 10 == 0 ? "euro" : "EUR",
                    clock.instant().minusSeconds(1)));
        }
        return events.toString();
    }
}
