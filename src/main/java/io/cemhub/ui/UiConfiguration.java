package io.cemhub.ui;

import io.cemhub.threshold.MeasurementStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/**
 * The operators' dashboard (/ui) and the customers' portal (/portal): static pages under
 * src/main/resources/static, their libraries as WebJars (docs/dashboard.md), and the live feeds they read.
 */
@Configuration(proxyBeanMethods = false)
public class UiConfiguration implements WebMvcConfigurer {

    @Bean
    public AlarmStreams alarmStreams(UiProperties properties, MeterRegistry meters) {
        return new AlarmStreams(properties, meters);
    }

    @Bean
    public EventRate eventRate(MeterRegistry meters, Clock clock, UiProperties properties) {
        return new EventRate(meters, clock, properties.getEventRateHistory());
    }

    @Bean
    public KpiSeries kpiSeries(MeasurementStore measurements) {
        return new KpiSeries(measurements);
    }

    @Bean
    public UiRoutes uiRoutes(AlarmStreams streams, EventRate rate) {
        return new UiRoutes(streams, rate);
    }

    /** /ui and /portal answer with their pages; the rest of each folder is served as static files. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/ui", "/ui/");
        registry.addViewController("/ui/").setViewName("forward:/ui/index.html");
        registry.addRedirectViewController("/portal", "/portal/");
        registry.addViewController("/portal/").setViewName("forward:/portal/index.html");
    }
}
