package dev.opsbot.app.clock;

import com.mongodb.client.MongoDatabase;
import dev.opsbot.schedule.DueHandler;
import dev.opsbot.schedule.DueHandlers;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.schedule.Routine;
import dev.opsbot.schedule.RoutineFires;
import dev.opsbot.schedule.RoutineRunner;
import dev.opsbot.store.Counters;
import java.time.Clock;
import java.time.Duration;
import org.quartz.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Due items and routines on Quartz. Every {@link DueHandler} and {@link Routine} bean any feature
 * declares is picked up here; features only need {@link DueItems} to schedule.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /** How often due items are looked for even without a wake: items another instance scheduled. */
    static final Duration POLL = Duration.ofSeconds(30);

    @Bean
    DueHandlers dueHandlers() {
        return new DueHandlers();
    }

    @Bean
    DueItems dueItems(MongoDatabase db, Counters counters, DueHandlers handlers) {
        return DueItems.inMongo(db, counters, handlers);
    }

    @Bean
    RoutineRunner routineRunner(MongoDatabase db) {
        return new RoutineRunner(RoutineFires.inMongo(db));
    }

    @Bean
    QuartzClock quartzClock(Scheduler scheduler, DueItems due, DueHandlers registry,
            ObjectProvider<DueHandler> handlers, RoutineRunner runner, ObjectProvider<Routine> routines, Clock clock) {
        // Handlers schedule items themselves, so they are registered after they exist rather than passed in.
        handlers.orderedStream().forEach(registry::register);
        return new QuartzClock(scheduler, due, runner, routines.orderedStream().toList(), clock, POLL);
    }
}
