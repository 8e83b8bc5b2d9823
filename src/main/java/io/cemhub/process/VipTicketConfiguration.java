package io.cemhub.process;

import io.cemhub.crm.CrmQueryClient;
import io.cemhub.pipeline.EventPublisher;
import io.cemhub.threshold.AlarmEvents;
import io.cemhub.threshold.AlarmStore;
import io.cemhub.threshold.SilenceService;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** The vip-ticket process's bean, called by the route in routes/vip-ticket.yaml (docs/processes.md). */
@Configuration(proxyBeanMethods = false)
public class VipTicketConfiguration {

    @Bean
    public VipTicketProcess vipTicketProcess(VipTicketProperties properties, JdbcTemplate jdbc, AlarmStore alarms,
                                             AlarmEvents events, EventPublisher publisher,
                                             CachingConnectionFactory producerConnectionFactory,
                                             TransactionTemplate transaction, SilenceService silences,
                                             ObjectProvider<CrmQueryClient> crm, MeterRegistry meters, Clock clock) {
        JmsTemplate template = new JmsTemplate(producerConnectionFactory);
        template.setSessionTransacted(true);
        return new VipTicketProcess(properties, new VipTicketStore(jdbc), alarms, events, publisher, template,
                transaction, silences, crm, meters, clock);
    }
}
