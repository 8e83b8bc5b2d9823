package io.cemhub.pipeline;

import io.cemhub.quarantine.QuarantineProcessor;
import io.cemhub.quarantine.RejectedInputException;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Error handling shared by the hub's routes (referenced by id "cem-error-handling"):
 * <ul>
 *   <li>input that can never succeed goes to quarantine with its original payload, and the message is
 *       acknowledged in the same transaction;</li>
 *   <li>a database that fails transiently is retried in place, with back-off: the consumer keeps its
 *       partition, so no later record of the same service overtakes;</li>
 *   <li>anything else rolls the JMS transaction back: the broker redelivers, and after
 *       {@code cem.broker.max-delivery-attempts} moves the message to {@code cem.dlq}.</li>
 * </ul>
 */
public class HubErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "cem-error-handling";

    private final QuarantineProcessor quarantine;

    public HubErrorHandling(QuarantineProcessor quarantine) {
        this.quarantine = quarantine;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(PoisonMessageException.class, RejectedInputException.class)
                    .handled(true)
                    .process(quarantine).id("quarantine")
                .end()
                .onException(TransientDataAccessException.class, RecoverableDataAccessException.class,
                        CannotGetJdbcConnectionException.class)
                    .maximumRedeliveries("{{cem.pipeline.transient-retries:10}}")
                    .redeliveryDelay("{{cem.pipeline.transient-retry-delay:500}}")
                    .useExponentialBackOff()
                    .maximumRedeliveryDelay(30_000)
                    .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                    .handled(false)
                .end();
    }
}
