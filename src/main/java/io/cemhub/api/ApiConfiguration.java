package io.cemhub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** REST API wiring: the OpenAPI document's header and the canonical JSON Schemas served under /schema/. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration implements WebMvcConfigurer {

    @Bean
    public RegistryBodies registryBodies(ObjectMapper mapper) {
        return new RegistryBodies(mapper);
    }

    @Bean
    public OpenAPI cemHubOpenApi() {
        return new OpenAPI().info(new Info()
                .title("CEM Hub API")
                .version("v1")
                .description("Native ingest of canonical measurements and the customer/service registry. "
                        + "Errors are application/problem+json (RFC 9457). The canonical model's JSON Schemas "
                        + "are served under /schema/."));
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/schema/**").addResourceLocations("classpath:/schema/");
    }
}
