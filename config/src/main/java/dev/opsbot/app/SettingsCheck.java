package dev.opsbot.app;

import dev.opsbot.app.capacity.PrometheusSettings;
import dev.opsbot.app.clock.FollowUpSettings;
import dev.opsbot.incident.Severity;
import java.util.Locale;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Reads every setting as soon as the environment is known, before any bean or connection exists,
 * so a bad value stops start-up with one sentence ({@link SettingFailureAnalyzer}) instead of a
 * half-started application and a wrapped bean-creation error. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class SettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        Binder binder = Binder.get(env);
        OpsbotSettings settings = binder.bindOrCreate("opsbot", OpsbotSettings.class);
        settings.incidentChannels(OpsbotSettings.chatPlatforms(env::getProperty));
        if (env.getProperty("MONGODB_URI", "").isBlank()) {
            settings.writableDataPath();
        }
        FollowUpSettings followUps = binder.bindOrCreate("opsbot.followup", FollowUpSettings.class);
        if (followUps.stale() != null) {
            followUps.stale().forEach((word, after) -> {
                if (Severity.parse(word).isEmpty()) {
                    throw new BadSetting("OPSBOT_FOLLOWUP_STALE_" + word.toUpperCase(Locale.ROOT), String.valueOf(after),
                            "a variable named for a severity, OPSBOT_FOLLOWUP_STALE_SEV1 to _SEV4");
                }
            });
        }
        followUps.policy();
        binder.bindOrCreate("opsbot.prometheus", PrometheusSettings.class);
    }
}
