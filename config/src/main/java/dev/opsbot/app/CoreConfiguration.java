package dev.opsbot.app;

import com.mongodb.client.MongoDatabase;
import dev.opsbot.OpsbotCatalog;
import dev.opsbot.Retention;
import dev.opsbot.audit.AuditTrail;
import dev.opsbot.audit.IndexedAuditLog;
import dev.opsbot.channel.ChannelZones;
import dev.opsbot.chat.ChannelPoster;
import dev.opsbot.chat.MongoOutbox;
import dev.opsbot.chat.Outbox;
import dev.opsbot.command.AccessPolicy;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.command.HandledRequests;
import dev.opsbot.command.MongoHandledRequests;
import dev.opsbot.incident.CardNotes;
import dev.opsbot.incident.IncidentActions;
import dev.opsbot.incident.IncidentCommands;
import dev.opsbot.incident.IncidentListener;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.KnownServices;
import dev.opsbot.incident.OpenIncidentSuggestions;
import dev.opsbot.schedule.Routine;
import dev.opsbot.store.AuditLog;
import dev.opsbot.store.Counters;
import dev.opsbot.store.MongoAuditLog;
import dev.opsbot.store.MongoCounters;
import dev.opsbot.store.MongoStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * The core, wired once. Features add themselves by declaring beans of the core's extension
 * types — command bindings, incident listeners, channel posters, due handlers, routines, digest
 * sections — which are collected here; no central list needs editing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsbotSettings.class)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** A store registered before start (the benchmark's, which counts round trips) is used as it is. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(MongoStore.class)
    MongoStore mongoStore(Environment env, OpsbotSettings settings) {
        String uri = env.getProperty("MONGODB_URI", "");
        return uri.isBlank() ? MongoStore.embedded(settings.writableDataPath()) : MongoStore.connect(uri);
    }

    @Bean
    MongoDatabase mongoDatabase(MongoStore store) {
        return store.database();
    }

    @Bean
    Counters counters(MongoDatabase db) {
        return new MongoCounters(db);
    }

    @Bean
    AuditLog auditLog(MongoDatabase db, AuditTrail trail) {
        return new IndexedAuditLog(new MongoAuditLog(db), trail);
    }

    @Bean
    Outbox outbox(MongoDatabase db, Clock clock, List<ChannelPoster> posters) {
        Outbox outbox = new Outbox(new MongoOutbox(db), clock);
        posters.forEach(outbox::register);
        return outbox;
    }

    @Bean
    HandledRequests handledRequests(MongoDatabase db) {
        return new MongoHandledRequests(db);
    }

    @Bean
    Incidents incidents(MongoDatabase db, Counters counters) {
        return Incidents.inMongo(db, counters);
    }

    /** Declaring and changing incidents, for commands and alerts alike. */
    @Bean
    IncidentActions incidentActions(Incidents incidents, AuditLog audit, Outbox outbox, OpsbotSettings settings,
            ObjectProvider<IncidentListener> listeners, ObjectProvider<CardNotes> notes, Environment env) {
        return new IncidentActions(incidents, audit, outbox,
                settings.incidentChannels(OpsbotSettings.chatPlatforms(env::getProperty)),
                listeners.orderedStream().toList(), notes.orderedStream().toList());
    }

    @Bean
    CommandRoot.Binding<IncidentCommands> incidentCommands(Incidents incidents, IncidentActions actions,
            ObjectProvider<KnownServices> knownServices) {
        return IncidentCommands.ROOT.handledBy(
                new IncidentCommands(incidents, actions, knownServices.getIfAvailable(() -> KnownServices.ANY)));
    }

    /** Open incidents are offered first wherever an adapter autocompletes an item. */
    @Bean
    @Order(0)
    OpenIncidentSuggestions openIncidentSuggestions(Incidents incidents) {
        return new OpenIncidentSuggestions(incidents);
    }

    @Bean
    CommandRouter commandRouter(List<CommandRoot.Binding<?>> bindings, HandledRequests handled, Clock clock,
            AccessPolicy access, ObjectProvider<ChannelZones> zones, OpsbotSettings settings) {
        CommandRouter router = new CommandRouter(inCatalogOrder(bindings), handled, clock);
        router.useAccess(access);
        router.useZones(zones.getIfAvailable(() -> ChannelZones.team(settings.zone()))::of);
        return router;
    }

    /** Beans arrive in no useful order; /help lists the roots as the catalog does, unknown ones last. */
    static List<CommandRoot.Binding<?>> inCatalogOrder(List<CommandRoot.Binding<?>> bindings) {
        List<String> order = OpsbotCatalog.roots().stream().map(CommandRoot::name).toList();
        return bindings.stream().sorted(Comparator.comparingInt((CommandRoot.Binding<?> b) -> {
            int at = order.indexOf(b.root().name());
            return at < 0 ? order.size() : at;
        })).toList();
    }

    @Bean
    OutboxDispatcher outboxDispatcher(Outbox outbox, ObjectProvider<ConsoleMode> console) {
        return new OutboxDispatcher(outbox, console.getIfAvailable() == null);
    }

    @Bean
    Routine retention(Outbox outbox, HandledRequests handled, Incidents incidents, OpsbotSettings settings) {
        return Retention.routine(outbox, handled, incidents, settings.archiveAfter(), settings.zone());
    }

    @Bean
    StoreHealth storeHealth(MongoStore store) {
        return new StoreHealth(store);
    }
}
