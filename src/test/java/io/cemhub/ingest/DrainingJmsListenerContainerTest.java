package io.cemhub.ingest;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.camel.component.jms.JmsEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class DrainingJmsListenerContainerTest {

    private final MessageConsumer consumer = mock(MessageConsumer.class);

    @AfterEach
    void nothingLingersOnTheThread() {
        JmsDrain.discardUnclaimed();
    }

    @Test
    void takesWhatTheConsumerHasBufferedUpToTheMessageLimit() throws JMSException {
        Message second = text("b", 1);
        Message third = text("c", 1);
        assertThat(drain(container(3, 1_000), text("a", 1), second, third, text("d", 1))).containsExactly(second, third);
        assertThat(JmsDrain.claim()).as("claimed once").isEmpty();
    }

    @Test
    void stopsWhenTheBufferIsEmpty() throws JMSException {
        Message second = text("b", 1);
        assertThat(drain(container(500, 1_000), text("a", 1), second)).containsExactly(second);
    }

    @Test
    void stopsOnceTheBodiesReachTheByteLimit() throws JMSException {
        Message second = text("0123456789", 1);
        assertThat(drain(container(500, 15), text("0123456789", 1), second, text("x", 1))).containsExactly(second);
    }

    @Test
    void aRedeliveredMessageComesAlone() throws JMSException {
        Message again = text("a", 2);
        when(consumer.receive(anyLong())).thenReturn(again);

        assertThat(container(500, 1_000).receiveMessage(consumer)).isSameAs(again);
        assertThat(JmsDrain.claim()).isEmpty();
        verify(consumer, never()).receiveNoWait();
    }

    @Test
    void aRedeliveredMessageEndsTheDrain() throws JMSException {
        Message again = text("b", 3);
        assertThat(drain(container(500, 1_000), text("a", 1), again, text("c", 1))).containsExactly(again);
    }

    @Test
    void lingersForTheNextMessageWithinTheMaxWait() throws JMSException {
        Message first = text("a", 1);
        Message second = text("b", 1);
        Message third = text("c", 1);
        when(consumer.receive(anyLong())).thenReturn(first);
        when(consumer.receive(20L)).thenReturn(second, third, null);
        DrainingJmsListenerContainer container = new DrainingJmsListenerContainer(mock(JmsEndpoint.class),
                new DrainingJmsListenerContainer.Limits(500, 1_000, Duration.ofMillis(20), Duration.ofSeconds(60)));

        assertThat(container.receiveMessage(consumer)).isSameAs(first);
        assertThat(JmsDrain.claim()).containsExactly(second, third);
        verify(consumer, never()).receiveNoWait();
    }

    @Test
    void nothingIsDrainedWhenNothingArrived() throws JMSException {
        assertThat(container(500, 1_000).receiveMessage(consumer)).isNull();
        assertThat(JmsDrain.claim()).isEmpty();
        verify(consumer, never()).receiveNoWait();
    }

    @Test
    void aListenerThatLeavesDrainedMessagesFailsTheTransaction() throws JMSException {
        Message first = text("a", 1);
        when(consumer.receive(anyLong())).thenReturn(first);
        Message second = text("b", 1);
        when(consumer.receiveNoWait()).thenReturn(second, null);
        DrainingJmsListenerContainer container = container(500, 1_000);
        container.setMessageListener((MessageListener) message -> { });

        container.receiveMessage(consumer);
        assertThatThrownBy(() -> container.invokeListener(mock(Session.class), first))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not process 1 messages");
        assertThat(JmsDrain.claim()).isEmpty();
    }

    @Test
    void aListenerThatClaimsThemPasses() throws JMSException {
        Message first = text("a", 1);
        when(consumer.receive(anyLong())).thenReturn(first);
        Message second = text("b", 1);
        when(consumer.receiveNoWait()).thenReturn(second, null);
        DrainingJmsListenerContainer container = container(500, 1_000);
        List<List<Message>> seen = new java.util.ArrayList<>();
        container.setMessageListener((MessageListener) message -> seen.add(JmsDrain.claim()));

        container.receiveMessage(consumer);
        container.invokeListener(mock(Session.class), first);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).hasSize(1);
    }

    @Test
    void aDrainTakesAtLeastOneMessage() {
        assertThatThrownBy(() -> new DrainingJmsListenerContainer.Limits(0, 1_000, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DrainingJmsListenerContainer.Limits(1, 1_000, Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Receives {@code first} with {@code buffered} behind it (then nothing); returns what was drained. */
    private List<Message> drain(DrainingJmsListenerContainer container, Message first, Message... buffered)
            throws JMSException {
        when(consumer.receive(anyLong())).thenReturn(first);
        Message[] rest = java.util.Arrays.copyOf(buffered, buffered.length + 1); // ends with null: the buffer is empty
        when(consumer.receiveNoWait()).thenReturn(rest[0], java.util.Arrays.copyOfRange(rest, 1, rest.length));
        assertThat(container.receiveMessage(consumer)).isSameAs(first);
        return JmsDrain.claim();
    }

    private static DrainingJmsListenerContainer container(int maxMessages, long maxBytes) {
        return new DrainingJmsListenerContainer(mock(JmsEndpoint.class),
                new DrainingJmsListenerContainer.Limits(maxMessages, maxBytes, Duration.ZERO, Duration.ZERO));
    }

    private static TextMessage text(String body, int deliveryCount) throws JMSException {
        TextMessage message = mock(TextMessage.class);
        when(message.getText()).thenReturn(body);
        when(message.propertyExists("JMSXDeliveryCount")).thenReturn(true);
        when(message.getIntProperty("JMSXDeliveryCount")).thenReturn(deliveryCount);
        when(message.getJMSRedelivered()).thenReturn(deliveryCount > 1);
        return message;
    }
}
