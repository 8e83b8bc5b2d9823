package io.cemhub.subscription;

/** Delivers a notification over one channel; returns normally only once the subscriber took it. */
public interface EventSender {

    void send(Subscription subscription, Notification notification) throws DeliveryException;
}
