package dev.opsbot.app.capacity;

import dev.opsbot.metrics.MetricSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Capacity: the metric source (Prometheus when {@code OPSBOT_PROMETHEUS_URL} is set). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrometheusSettings.class)
public class CapacityConfiguration {

    @Bean
    MetricSource metricSource(PrometheusSettings settings) {
        return settings.source();
    }
}
