package dev.opsbot.app.clock;

import dev.opsbot.schedule.DueItems;
import dev.opsbot.schedule.Routine;
import dev.opsbot.schedule.RoutineRunner;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Quartz is the clock; MongoDB is the memory. Due items get one trigger at the earliest pending
 * due time, moved earlier whenever something sooner is scheduled here, plus a periodic poll for
 * items other instances scheduled. Each routine gets a cron trigger in its zone, and at start a
 * one-off catch-up for a time missed while no instance ran. Claims in MongoDB, not Quartz, decide
 * which instance runs a fire, so Quartz keeps nothing that must survive a restart.
 */
final class QuartzClock implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QuartzClock.class);
    private static final String GROUP = "opsbot";
    private static final JobKey DUE_JOB = JobKey.jobKey("due-items", GROUP);
    private static final TriggerKey WAKE = TriggerKey.triggerKey("due-items:next", GROUP);
    private static final TriggerKey POLL = TriggerKey.triggerKey("due-items:poll", GROUP);

    private final Scheduler scheduler;
    private final DueItems due;
    private final RoutineRunner runner;
    private final List<Routine> routines;
    private final Clock clock;
    private final Duration poll;
    private volatile boolean running;

    QuartzClock(Scheduler scheduler, DueItems due, RoutineRunner runner, List<Routine> routines, Clock clock,
            Duration poll) {
        this.scheduler = scheduler;
        this.due = due;
        this.runner = runner;
        this.routines = List.copyOf(routines);
        this.clock = clock;
        this.poll = poll;
        routines.forEach(QuartzClock::cron);
    }

    @Override
    public void start() {
        try {
            scheduler.addJob(job(DUE_JOB, at -> fireDue()), true);
            scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(POLL).forJob(DUE_JOB)
                    .startAt(Date.from(clock.instant().plus(poll)))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(poll.toMillis())
                            .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                    .build());
            for (Routine routine : routines) {
                scheduleRoutine(routine);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not set up the clock's Quartz jobs", e);
        }
        due.onSchedule(this::wakeBy);
        running = true;
        // Whatever fell due while no instance was running goes out now.
        wakeBy(clock.instant());
    }

    private void fireDue() {
        int fired = due.fireDue(clock.instant());
        if (fired > 0) {
            log.debug("fired {} due items", fired);
        }
        due.nextDue().ifPresent(this::wakeBy);
    }

    /** Makes sure the due-items job runs no later than {@code at}; a sooner wake already set stays. */
    synchronized void wakeBy(Instant at) {
        if (!running) {
            return;
        }
        try {
            Trigger current = scheduler.getTrigger(WAKE);
            Date next = current == null ? null : current.getNextFireTime();
            if (next != null && !at.isBefore(next.toInstant())) {
                return;
            }
            Instant now = clock.instant();
            Trigger wake = TriggerBuilder.newTrigger().withIdentity(WAKE).forJob(DUE_JOB)
                    .startAt(Date.from(at.isBefore(now) ? now : at))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build();
            if (current == null || scheduler.rescheduleJob(WAKE, wake) == null) {
                scheduler.scheduleJob(wake);
            }
        } catch (ObjectAlreadyExistsException raced) {
            log.debug("another thread set the due-items wake first");
        } catch (SchedulerException e) {
            log.warn("could not set the due-items wake for {}; the poll will catch it: {}", at, e.toString());
        }
    }

    private void scheduleRoutine(Routine routine) throws SchedulerException {
        JobKey key = JobKey.jobKey("routine:" + routine.name(), GROUP);
        scheduler.addJob(job(key, at -> runner.fire(routine, at)), true);
        scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity("routine:" + routine.name(), GROUP).forJob(key)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron(routine))
                        .inTimeZone(TimeZone.getTimeZone(routine.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build());
        JobKey catchUp = JobKey.jobKey("routine-catch-up:" + routine.name(), GROUP);
        scheduler.addJob(job(catchUp, at -> runner.catchUp(routine, clock.instant(), nextAfter(routine))), true);
        scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(catchUp.getName(), GROUP).forJob(catchUp)
                .startNow().build());
    }

    /** The routine's next scheduled time strictly after an instant, read by Quartz's own cron rules. */
    static UnaryOperator<Instant> nextAfter(Routine routine) {
        // Parsed once: a catch-up may step through many scheduled times.
        CronExpression cron = cron(routine);
        return after -> {
            Date next = cron.getNextValidTimeAfter(Date.from(after));
            return next == null ? null : next.toInstant();
        };
    }

    private static CronExpression cron(Routine routine) {
        try {
            CronExpression cron = new CronExpression(routine.cron());
            cron.setTimeZone(TimeZone.getTimeZone(routine.zone()));
            return cron;
        } catch (ParseException e) {
            throw new IllegalArgumentException("routine " + routine.name() + " has a bad cron expression \""
                    + routine.cron() + "\": " + e.getMessage(), e);
        }
    }

    private static JobDetail job(JobKey key, Consumer<Instant> action) {
        JobDataMap data = new JobDataMap();
        data.put(ClockJob.ACTION, action);
        return JobBuilder.newJob(ClockJob.class).withIdentity(key).usingJobData(data).storeDurably().build();
    }

    @Override
    public void stop() {
        running = false;
        due.onSchedule(at -> { });
        try {
            scheduler.deleteJob(DUE_JOB);
            for (Routine routine : routines) {
                scheduler.deleteJob(JobKey.jobKey("routine:" + routine.name(), GROUP));
                scheduler.deleteJob(JobKey.jobKey("routine-catch-up:" + routine.name(), GROUP));
            }
        } catch (SchedulerException e) {
            log.debug("clock jobs already gone at stop: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
