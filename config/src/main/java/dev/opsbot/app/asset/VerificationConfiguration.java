package dev.opsbot.app.asset;

import com.mongodb.client.MongoDatabase;
import dev.opsbot.app.BadSetting;
import dev.opsbot.app.OpsbotSettings;
import dev.opsbot.asset.Assets;
import dev.opsbot.chat.Notifier;
import dev.opsbot.metrics.MetricSource;
import dev.opsbot.probe.AssetChecks;
import dev.opsbot.probe.AssetVerification;
import dev.opsbot.probe.DriftDigest;
import dev.opsbot.probe.DriftNotices;
import dev.opsbot.probe.ProbeAllowList;
import dev.opsbot.probe.ProbeSettings;
import dev.opsbot.probe.Prober;
import dev.opsbot.probe.VerificationReplies;
import dev.opsbot.schedule.Routine;
import dev.opsbot.service.Services;
import java.time.Clock;
import java.time.Duration;
import org.quartz.CronExpression;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Live verification of the inventory: the probe pool, {@code asset_checks} (the inventory's
 * {@link dev.opsbot.asset.AssetObservations}), {@code /asset verify}, the nightly check and its
 * digest section. Settings: {@code OPSBOT_PROBE_ALLOW}, {@code OPSBOT_PROBE_TIMEOUT} (3s),
 * {@code OPSBOT_PROBE_POOL} (32), {@code OPSBOT_CERT_WARN_DAYS} (21), {@code OPSBOT_ASSET_VERIFY_CRON}
 * (02:00 every night in the team's zone). {@code prom:} probes read the {@link MetricSource} bean
 * when there is one.
 */
@Configuration(proxyBeanMethods = false)
public class VerificationConfiguration {

    @Bean
    AssetChecks assetChecks(MongoDatabase db) {
        return AssetChecks.inMongo(db);
    }

    @Bean
    ProbeSettings probeSettings(OpsbotSettings settings, Environment env) {
        return new ProbeSettings(allow(env), timeout(env),
                whole(env, "OPSBOT_PROBE_POOL", ProbeSettings.DEFAULT_POOL, 1, 512),
                whole(env, "OPSBOT_CERT_WARN_DAYS", ProbeSettings.DEFAULT_CERT_WARN_DAYS, 0, 3650), settings.zone());
    }

    @Bean
    Prober prober(ProbeSettings settings, ObjectProvider<MetricSource> metrics, Clock clock) {
        return new Prober(settings, metrics.getIfAvailable(MetricSource::unconfigured), clock);
    }

    @Bean
    AssetVerification assetVerification(Assets assets, AssetChecks checks, Prober prober, ProbeSettings settings) {
        return new AssetVerification(assets, checks, prober, new VerificationReplies(settings.pool()));
    }

    @Bean
    DriftNotices driftNotices(AssetVerification verification, AssetChecks checks, Services services, Notifier notifier,
            OpsbotSettings settings, Environment env, Clock clock) {
        return new DriftNotices(verification, checks, services, notifier,
                settings.incidentChannels(OpsbotSettings.chatPlatforms(env::getProperty)).get(0), clock);
    }

    @Bean
    Routine assetVerifyRoutine(DriftNotices notices, OpsbotSettings settings, Environment env) {
        return notices.routine(cron(env), settings.zone());
    }

    @Bean
    DriftDigest driftDigestSection(AssetChecks checks) {
        return new DriftDigest(checks);
    }

    static ProbeAllowList allow(Environment env) {
        String value = env.getProperty("OPSBOT_PROBE_ALLOW", "");
        try {
            return ProbeAllowList.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadSetting("OPSBOT_PROBE_ALLOW", value, "CIDRs and host patterns separated by commas, e.g. "
                    + "10.0.0.0/8,*.internal (" + e.getMessage() + ")");
        }
    }

    static Duration timeout(Environment env) {
        String value = env.getProperty("OPSBOT_PROBE_TIMEOUT", "");
        if (value.isBlank()) {
            return ProbeSettings.DEFAULT_TIMEOUT;
        }
        try {
            Duration d = DurationStyle.detectAndParse(value.strip(), java.time.temporal.ChronoUnit.SECONDS);
            if (d.compareTo(Duration.ofMillis(50)) >= 0 && d.compareTo(Duration.ofSeconds(60)) <= 0) {
                return d;
            }
        } catch (IllegalArgumentException e) {
            // Refused below with the variable named.
        }
        throw new BadSetting("OPSBOT_PROBE_TIMEOUT", value, "a duration from 50ms to 60s, e.g. 3s");
    }

    static String cron(Environment env) {
        String value = env.getProperty("OPSBOT_ASSET_VERIFY_CRON", "");
        if (value.isBlank()) {
            return DriftNotices.DEFAULT_CRON;
        }
        if (!CronExpression.isValidExpression(value.strip())) {
            throw new BadSetting("OPSBOT_ASSET_VERIFY_CRON", value, "a Quartz cron expression, e.g. 0 0 2 * * ?");
        }
        return value.strip();
    }

    private static int whole(Environment env, String variable, int otherwise, int least, int most) {
        String value = env.getProperty(variable, "");
        if (value.isBlank()) {
            return otherwise;
        }
        return BadSetting.wholeNumber(variable, value, least, most, "a whole number from " + least + " to " + most);
    }
}
