package io.cemhub.ingest;

import io.cemhub.model.CemRecord;
import io.cemhub.model.CustomerInteraction;
import io.cemhub.model.Measurement;
import io.cemhub.model.SourceRef;
import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.cemhub.support.TestRecords.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestBatchCodecTest {

    private final IngestBatchCodec codec = new IngestBatchCodec(TestRecords.JSON);

    @Test
    void bothRecordTypesSurviveTheQueue() throws IOException {
        Measurement m = new Measurement("m-1", new SourceRef("wisla-vpn", "rest"), null, "TUN-1", null, "vpn.loss",
                0.25, "%", NOW, NOW, Map.of("cos", "gold", "hops", 3));
        CustomerInteraction i = new CustomerInteraction("i-1", CustomerInteraction.PAYMENT, new SourceRef("billing", null),
                "C-1", null, NOW, NOW, null, new CustomerInteraction.MoneyEvent("paymentOverdue", "ACC-1", 1999, "EUR"),
                null);
        List<CemRecord> decoded = codec.decode(codec.encode(List.of(m, i)));
        assertThat(decoded).containsExactly(m, i);
    }

    @Test
    void bytesThatAreNoBatchAreRefused() {
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> codec.decode("{}".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> codec.decode("{\"records\":[{\"recordType\":\"spaceship\"}]}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }
}
