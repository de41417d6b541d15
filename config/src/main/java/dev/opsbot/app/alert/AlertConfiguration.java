package dev.opsbot.app.alert;

import com.mongodb.client.MongoDatabase;
import dev.opsbot.alert.AlertCommands;
import dev.opsbot.alert.AlertGroups;
import dev.opsbot.alert.AlertIntake;
import dev.opsbot.alert.AlertRoutes;
import dev.opsbot.alert.ChangeWindows;
import dev.opsbot.alert.HeartbeatWatch;
import dev.opsbot.alert.Heartbeats;
import dev.opsbot.alert.Routing;
import dev.opsbot.app.BadSetting;
import dev.opsbot.app.OpsbotSettings;
import dev.opsbot.asset.AssetGraph;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.RefusalLog;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.incident.IncidentActions;
import dev.opsbot.incident.Incidents;
import dev.opsbot.schedule.Routine;
import dev.opsbot.store.AuditLog;
import dev.opsbot.store.Counters;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Alerts: {@code /alert}, the heartbeat watch, and in server mode with {@code OPSBOT_ALERTMANAGER_TOKEN}
 * set, the webhook at {@code POST /hooks/alertmanager} (a plain servlet, like Slack's, so the body
 * is read once, by us, after the token is checked). Notifications go to {@code OPSBOT_ALERT_CHANNEL},
 * else to the first incident channel. The inventory and change windows are used when another
 * feature provides them.
 */
@Configuration(proxyBeanMethods = false)
public class AlertConfiguration {

    static final String HOOK_PATH = "/hooks/alertmanager";
    static final String TOKEN = "OPSBOT_ALERTMANAGER_TOKEN";
    private static final Logger log = LoggerFactory.getLogger(AlertConfiguration.class);

    @Bean
    AlertGroups alertGroups(MongoDatabase db) {
        return AlertGroups.inMongo(db);
    }

    @Bean
    AlertRoutes alertRoutes(MongoDatabase db) {
        return AlertRoutes.inMongo(db);
    }

    @Bean
    Heartbeats heartbeats(MongoDatabase db) {
        return Heartbeats.inMongo(db);
    }

    @Bean
    AlertIntake alertIntake(AlertGroups groups, AlertRoutes routes, IncidentActions actions, Incidents incidents,
            Heartbeats heartbeats, ObjectProvider<AssetGraph> graph, ObjectProvider<ChangeWindows> windows,
            Notifier notifier, Environment env, OpsbotSettings settings) {
        return new AlertIntake(groups, new Routing(routes::inOrder, graph.getIfAvailable(AssetGraph::none)), actions,
                incidents, heartbeats, windows.getIfAvailable(ChangeWindows::none), notifier,
                alertChannel(env, settings));
    }

    @Bean
    Routine heartbeatWatch(Heartbeats heartbeats, IncidentActions actions, Notifier notifier, Environment env,
            OpsbotSettings settings) {
        return new HeartbeatWatch(heartbeats, actions, notifier, alertChannel(env, settings), settings.zone())
                .routine();
    }

    @Bean
    CommandRoot.Binding<AlertCommands> alertCommands(AlertGroups groups, AlertRoutes routes, Heartbeats heartbeats,
            Counters counters, AuditLog audit, OpsbotSettings settings) {
        return AlertCommands.ROOT.handledBy(new AlertCommands(groups, routes, heartbeats, counters, audit));
    }

    /** Says once at start-up whether the webhook listens, so a missing token is not a silent mystery. */
    @Bean
    ApplicationRunner alertmanagerHookState(Environment env) {
        return args -> {
            if ("console".equals(env.getProperty("opsbot.mode"))) {
                return;
            }
            if (env.getProperty(TOKEN, "").isBlank()) {
                log.info("Alertmanager webhook is off: set {} to take alerts at POST {}", TOKEN, HOOK_PATH);
            } else {
                log.info("Alertmanager webhook is on at POST {}", HOOK_PATH);
            }
        };
    }

    /** {@code OPSBOT_ALERT_CHANNEL} ({@code platform:id}, or a bare id of the one chat platform), else the first incident channel. */
    static ChannelRef alertChannel(Environment env, OpsbotSettings settings) {
        Set<Platform> platforms = OpsbotSettings.chatPlatforms(env::getProperty);
        String value = env.getProperty("OPSBOT_ALERT_CHANNEL", "").strip();
        if (value.isEmpty()) {
            return settings.incidentChannels(platforms).get(0);
        }
        if (value.indexOf(':') >= 0) {
            return ChannelRef.parseKey(value).orElseThrow(() -> badChannel(value));
        }
        if (platforms.size() > 1) {
            throw badChannel(value);
        }
        String id = value.replaceFirst("^#", "");
        return platforms.isEmpty() ? ChannelRef.console(id) : new ChannelRef(platforms.iterator().next(), id, id);
    }

    private static BadSetting badChannel(String value) {
        return new BadSetting("OPSBOT_ALERT_CHANNEL", value, "a channel as platform:id, e.g. slack:C042");
    }

    /** The webhook itself, only for a server with a token. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(AlertmanagerHookEnabled.class)
    static class Hook {

        @Bean
        ServletRegistrationBean<HttpServlet> alertmanagerHook(AlertIntake intake, Environment env, Clock clock) {
            ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(
                    new AlertmanagerEndpoint(intake, env.getProperty(TOKEN, "").strip(),
                            new RefusalLog("alertmanager webhook", clock, RefusalLog.DEFAULT_PER_MINUTE),
                            clock),
                    HOOK_PATH);
            registration.setName("alertmanagerHook");
            return registration;
        }
    }
}
