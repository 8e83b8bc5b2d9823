package io.cemhub.ingest;

import io.cemhub.model.Measurement;
import io.cemhub.model.SourceRef;
import io.cemhub.support.TestRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The ingest sender only produces: it must not start (and, on release, stop) the shared producer connection.
 * Stopping an Artemis connection is a blocking round trip for every session on it (64 cached here), and the
 * ingest does it inside its group-commit lock, once per group (seen in thread dumps, 2026-11-24).
 */
class JmsIngestSenderTest {

    @Test
    void sendsAndCommitsWithoutStartingOrStoppingTheSharedConnection() throws Exception {
        ConnectionFactory target = mock(ConnectionFactory.class);
        Connection connection = mock(Connection.class);
        Session session = mock(Session.class);
        MessageProducer producer = mock(MessageProducer.class);
        when(target.createConnection()).thenReturn(connection);
        when(connection.createSession(anyBoolean(), anyInt())).thenReturn(session);
        when(session.getTransacted()).thenReturn(true);
        when(session.createQueue(anyString())).thenReturn(mock(Queue.class));
        when(session.createProducer(any())).thenReturn(producer);
        when(session.createBytesMessage()).thenAnswer(i -> mock(BytesMessage.class));
        CachingConnectionFactory caching = new CachingConnectionFactory(target);
        caching.setSessionCacheSize(4);
        JmsTemplate template = new JmsTemplate(caching);
        template.setSessionTransacted(true);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        JmsIngestSender sender = new JmsIngestSender(template, "cem.ingest", new IngestBatchCodec(TestRecords.JSON), 100,
                100, meters);

        for (int i = 0; i < 3; i++) {
            sender.send(List.of(new PartitionBatch(i, List.of(record("m-" + i)))));
        }

        verify(producer, times(3)).send(any(BytesMessage.class), anyInt(), anyInt(), anyLong());
        verify(session, times(3)).commit();
        verify(connection, never()).start();
        verify(connection, never()).stop();
        // one after another: three groups of one submission and one record each
        assertThat(meters.get("cem.ingest.group.commit").timer().count()).isEqualTo(3);
        assertThat(meters.get("cem.ingest.group.submissions").summary().totalAmount()).isEqualTo(3);
        assertThat(meters.get("cem.ingest.group.records").summary().max()).isEqualTo(1);
        caching.destroy();
    }

    private static Measurement record(String id) {
        return new Measurement(id, new SourceRef("wisla", "rest"), null, "svc-1", null, "vpn.latency", 12.5, "ms",
                Instant.parse("2026-11-24T10:00:00Z"), null, null);
    }
}
