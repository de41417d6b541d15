package dev.opsbot.app.clock;

import java.time.Instant;
import java.util.function.Consumer;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Quartz job opsbot uses: it hands the trigger's scheduled fire time to the action stored
 * with the job. The job store is in memory, so the action is the live object, not a copy; what
 * must survive a restart lives in MongoDB, not in Quartz. Public with a no-argument constructor
 * so any Quartz job factory can make it.
 */
@DisallowConcurrentExecution
public class ClockJob implements Job {

    static final String ACTION = "action";
    private static final Logger log = LoggerFactory.getLogger(ClockJob.class);

    @Override
    public void execute(JobExecutionContext context) {
        @SuppressWarnings("unchecked")
        Consumer<Instant> action = (Consumer<Instant>) context.getMergedJobDataMap().get(ACTION);
        try {
            action.accept(context.getScheduledFireTime().toInstant());
        } catch (RuntimeException failure) {
            // Quartz would only log it too; saying which job keeps the log line useful.
            log.error("clock job {} failed", context.getJobDetail().getKey(), failure);
        }
    }
}
