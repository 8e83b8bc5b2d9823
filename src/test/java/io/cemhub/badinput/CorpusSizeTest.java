package io.cemhub.badinput;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus stays big enough (issue 11: at least 200 malformed inputs across the transports), every transport has cases, and every case's manifest entry can be turned into its input. Counts
 * cases (distinct inputs) and sends (a case sent to each entry or queue it names).
 */
class CorpusSizeTest {

    static final List<String> TRANSPORTS = List.of("rest", "jms", "soap", "files", "snmp");

    @Test
    void theCorpusHoldsAtLeastTwoHundredMalformedInputsAcrossEveryTransport() {
        Map<String, Integer> cases = new LinkedHashMap<>();
        Map<String, Integer> sends = new LinkedHashMap<>();
        for (String transport : TRANSPORTS) {
            Corpus corpus = Corpus.load(transport);
            cases.put(transport, corpus.cases().size());
            sends.put(transport, corpus.cases().stream().mapToInt(c -> switch (transport) {
                case "rest" -> RestCases.entriesOf(c).size();
                case "jms" -> JmsCases.queuesOf(c).size();
                default -> 1;
            }).sum());
        }
        System.out.println("bad-input corpus: cases " + cases + ", sends " + sends);

        assertThat(cases.values()).as("cases per transport " + cases).allMatch(n -> n >= 20);
        assertThat(cases.values().stream().mapToInt(Integer::intValue).sum()).as("cases " + cases).isGreaterThanOrEqualTo(200);
    }

    @Test
    void everyCaseOfEveryTransportHasAnInputAndAnOutcome() {
        for (String transport : TRANSPORTS) {
            Corpus corpus = Corpus.load(transport);
            for (Corpus.Case c : corpus.cases()) {
                byte[] input = switch (transport) {
                    case "soap" -> SoapCases.input(corpus, c, "m");
                    case "snmp" -> SnmpMessages.of(corpus, c, "m-" + c.name());
                    default -> Inputs.of(corpus, c, "m");
                };
                assertThat(input).as(c.toString()).isNotNull();
                assertThat(c.expect().isObject()).as(c + " expect").isTrue();
                if (transport.equals("snmp")) {
                    assertThat(c.expect().has("dropped") || c.expect().has("quarantined") || c.expect().has("accepted"))
                            .as(c + " expect").isTrue();
                    if (c.expect().has("dropped")) {
                        SnmpCases.drop(c.expect().path("dropped").asText()); // a reason the receiver has
                    } else {
                        // what is kept or recorded is found by the marker: it must be in the datagram, as text
                        assertThat(new String(input, java.nio.charset.StandardCharsets.ISO_8859_1)).as(c + " holds its marker")
                                .contains("m-" + c.name());
                    }
                }
                if (transport.equals("files")) {
                    assertThat(FileCases.inboxOf(c)).isIn("wisla-speedtest", "billing");
                }
            }
        }
    }
}
