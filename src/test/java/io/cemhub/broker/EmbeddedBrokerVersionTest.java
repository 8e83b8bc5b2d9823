package io.cemhub.broker;

import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.utils.VersionLoader;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded broker must be one whose transactions wait for their paged messages before their commit
 * record is written (ARTEMIS-5379, Artemis 2.41.0). With 2.40.0, the version Spring Boot 3.5.16 manages, a
 * kill -9 while the subscribers' backlog was paging lost the events of a committed transaction
 * (HubKillTest, docs/guarantees.md). This fails if the override in pom.xml ({@code artemis.version}) is lost.
 */
class EmbeddedBrokerVersionTest {

    @Test
    void theEmbeddedBrokerDelaysACommitUntilItsPagedMessagesAreStored() {
        String version = VersionLoader.getVersion().getVersionName();
        assertThat(Arrays.stream(Transaction.class.getMethods()).map(java.lang.reflect.Method::getName))
                .as("Artemis %s: Transaction.delay/delayDone (ARTEMIS-5379) hold the commit record until the paged"
                        + " data is written; set artemis.version in pom.xml to 2.41.0 or later", version)
                .contains("delay", "delayDone");
        int[] parts = Arrays.stream(version.split("[.-]")).limit(2).mapToInt(Integer::parseInt).toArray();
        assertThat(parts[0] > 2 || parts[1] >= 41).as("Artemis version %s is 2.41.0 or later", version).isTrue();
    }
}
