package dev.opsbot.app.capacity;

import com.mongodb.client.MongoDatabase;
import dev.opsbot.app.OpsbotSettings;
import dev.opsbot.capacity.CapacityCommands;
import dev.opsbot.capacity.ReportSchedules;
import dev.opsbot.capacity.RunningOutSoonest;
import dev.opsbot.capacity.ScheduledReports;
import dev.opsbot.capacity.Watches;
import dev.opsbot.chat.Notifier;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.metrics.MetricSource;
import dev.opsbot.schedule.Routine;
import dev.opsbot.store.AuditLog;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Capacity: the metric source (Prometheus when {@code OPSBOT_PROMETHEUS_URL} is set), watches,
 * {@code /capacity}, the scheduled reports' routine and the digest section.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrometheusSettings.class)
public class CapacityConfiguration {

    @Bean
    MetricSource metricSource(PrometheusSettings settings) {
        return settings.source();
    }

    @Bean
    Watches watches(MongoDatabase db) {
        return Watches.inMongo(db);
    }

    @Bean
    ReportSchedules reportSchedules(MongoDatabase db) {
        return ReportSchedules.inMongo(db);
    }

    @Bean
    CapacityCommands capacityCommandsHandler(Watches watches, ReportSchedules schedules, MetricSource source,
            AuditLog audit, OpsbotSettings settings) {
        return new CapacityCommands(watches, schedules, source, audit, settings.zone());
    }

    @Bean
    CommandRoot.Binding<CapacityCommands> capacityCommands(CapacityCommands handler) {
        return CapacityCommands.ROOT.handledBy(handler);
    }

    @Bean
    Routine capacityReports(ReportSchedules schedules, CapacityCommands handler, Notifier notifier,
            OpsbotSettings settings) {
        ScheduledReports reports = new ScheduledReports(schedules, handler.capacityReport(), notifier, settings.zone());
        return new Routine("capacity-reports", ScheduledReports.EVERY_MINUTE, ZoneOffset.UTC, reports::run);
    }

    @Bean
    RunningOutSoonest runningOutSoonest(CapacityCommands handler) {
        return new RunningOutSoonest(handler.capacityReport());
    }
}
