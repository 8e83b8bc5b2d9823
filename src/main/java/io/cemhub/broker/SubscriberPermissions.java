package io.cemhub.broker;

/**
 * Broker permissions of jms subscribers: the embedded broker gets them at run time; an external broker's
 * administrator sets them in its own security settings (docs/external-broker.md), and the hub does nothing.
 */
public interface SubscriberPermissions {

    SubscriberPermissions NONE = new SubscriberPermissions() {
        @Override
        public void grant(String subscriptionId, String fullyQualifiedQueue) {
        }

        @Override
        public void revoke(String fullyQualifiedQueue) {
        }
    };

    void grant(String subscriptionId, String fullyQualifiedQueue);

    void revoke(String fullyQualifiedQueue);
}
