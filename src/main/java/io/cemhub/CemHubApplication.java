package io.cemhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** CEM Hub: adapters in, canonical records through a durable partitioned pipeline, events out. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CemHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(CemHubApplication.class, args);
    }
}
