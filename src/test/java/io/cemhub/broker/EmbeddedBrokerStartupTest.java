package io.cemhub.broker;

import io.cemhub.CemHubApplication;
import io.cemhub.support.FreePorts;
import io.cemhub.support.TestHubArgs;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A hub whose embedded broker cannot start must not run: otherwise its vm:// connection would reach
 * whichever broker holds that in-VM id and its records would land there.
 */
class EmbeddedBrokerStartupTest {

    @TempDir
    Path dir;

    @Test
    void aHubWhoseBrokerCannotStartRefusesToStart() throws Exception {
        int inVmId = FreePorts.nextInVmId();
        EmbeddedActiveMQ squatter = new EmbeddedActiveMQ();
        squatter.setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://" + inVmId));
        squatter.start();
        try {
            assertThatThrownBy(() -> new SpringApplicationBuilder(CemHubApplication.class).profiles("test")
                    .run(TestHubArgs.of(dir, "--cem.broker.in-vm-id=" + inVmId)))
                    .hasStackTraceContaining("the embedded broker did not start");
        } finally {
            squatter.stop();
        }
    }
}
