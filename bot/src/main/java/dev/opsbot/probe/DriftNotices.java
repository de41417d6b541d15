package dev.opsbot.probe;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.schedule.Routine;
import dev.opsbot.service.Service;
import dev.opsbot.service.Services;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Scheduled verification ({@code OPSBOT_ASSET_VERIFY_CRON}, nightly by default): checks every asset
 * and tells each drift once — in the channel of the asset's service, or the incident channel when
 * it has none, naming its owner — through the outbox. The same drift the next night is not told
 * again; a drift that clears and comes back is.
 */
public final class DriftNotices {

    public static final String DEFAULT_CRON = "0 0 2 * * ?";

    private final AssetVerification verification;
    private final AssetChecks checks;
    private final Services services;
    private final Notifier notifier;
    private final ChannelRef fallback;
    private final Clock clock;

    public DriftNotices(AssetVerification verification, AssetChecks checks, Services services, Notifier notifier,
            ChannelRef fallback, Clock clock) {
        this.verification = verification;
        this.checks = checks;
        this.services = services;
        this.notifier = notifier;
        this.fallback = fallback;
        this.clock = clock;
    }

    public Routine routine(String cron, ZoneId zone) {
        return new Routine("asset-verify", cron, zone, this::run);
    }

    /**
     * Verifies every asset; returns how many drifts were told. Checks are stamped with the time they
     * ran, which is later than {@code scheduledAt} for a fire caught up after a restart.
     */
    public int run(Instant scheduledAt) {
        int told = 0;
        for (AssetVerification.Checked c : verification.check(verification.everyAsset(), clock.instant())) {
            if (c.verdict().drift().isEmpty() || !checks.claimNotice(c.asset().name(), c.verdict().drift())) {
                continue;
            }
            ChannelRef channel = c.asset().service() == null ? fallback
                    : services.find(c.asset().service()).map(Service::channel).orElse(fallback);
            Reply.Builder notice = Reply.toChannel("Drift · " + c.asset().name())
                    .text(Inline.user(c.asset().owner()) + ", " + c.asset().name() + " (declared " + c.asset().state()
                            + ") no longer matches what its probes see.")
                    .rows(c.verdict().drift())
                    .rows(c.observation().evidence())
                    .tone(VerificationReplies.tone(c.verdict().health(), true));
            VerificationReplies.buttons(c, notice);
            notifier.announce(channel, notice.build(), "asset-drift:" + c.asset().name() + ":" + scheduledAt.getEpochSecond());
            told++;
        }
        return told;
    }
}
