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

    /** Body limit and raw bytes of the REST ingest entries, after the security filters (401 before any reading). */
    @Bean
    public org.springframework.boot.web.servlet.FilterRegistrationBean<IngestBodyFilter> ingestBodyFilter(
            io.cemhub.ingest.IngestProperties ingest) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new IngestBodyFilter(ingest.getMaxBodyBytes()), new org.springframework.boot.web.servlet.ServletRegistrationBean<?>[0]);
        registration.addUrlPatterns("/api/v1/measurements", "/ingest/*");
        registration.setOrder(0);
        return registration;
    }

    /** The native entry's plain requests, answered right after the body filter (see MeasurementFastPath). */
    @Bean
    public org.springframework.boot.web.servlet.FilterRegistrationBean<MeasurementFastPath> measurementFastPath(
            io.cemhub.ingest.IngestProperties ingest, io.cemhub.ingest.IngestGateway gateway, ObjectMapper mapper) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new MeasurementFastPath(gateway, mapper), new org.springframework.boot.web.servlet.ServletRegistrationBean<?>[0]);
        registration.addUrlPatterns(MeasurementFastPath.PATH);
        registration.setOrder(1);
        registration.setEnabled(ingest.isRestFastPath());
        return registration;
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
