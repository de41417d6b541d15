package dev.opsbot.app.kpi;

import dev.opsbot.command.CommandRoot;
import dev.opsbot.incident.Incidents;
import dev.opsbot.kpi.ChangeOutcomes;
import dev.opsbot.kpi.KpiCommands;
import dev.opsbot.kpi.KpiSection;
import dev.opsbot.kpi.Kpis;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.service.Services;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /kpi} and the weekly KPI digest section. Change outcomes come from a {@link ChangeOutcomes}
 * bean when a feature provides one; without it the change success rate reads "no changes recorded".
 */
@Configuration(proxyBeanMethods = false)
public class KpiConfiguration {

    @Bean
    Kpis kpis(Incidents incidents, Services services, DueItems due, ObjectProvider<ChangeOutcomes> changes) {
        return new Kpis(incidents, services, due, changes.getIfAvailable(ChangeOutcomes::none));
    }

    @Bean
    CommandRoot.Binding<KpiCommands> kpiCommands(Kpis kpis, Services services) {
        return KpiCommands.ROOT.handledBy(new KpiCommands(kpis, services));
    }

    @Bean
    KpiSection kpiSection(Kpis kpis) {
        return new KpiSection(kpis);
    }
}
