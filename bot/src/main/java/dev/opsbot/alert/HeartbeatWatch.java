package dev.opsbot.alert;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.TimeText;
import dev.opsbot.incident.IncidentActions;
import dev.opsbot.incident.Severity;
import dev.opsbot.schedule.Routine;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Once a minute, declares an incident for each heartbeat silent for twice its interval — once per
 * silence: the heartbeat is marked before the declaration, and only when it is heard again can
 * the next silence declare another.
 */
public final class HeartbeatWatch {

    /** The mark a heartbeat carries between claiming its silence and the incident being declared. */
    static final String DECLARING = "declaring";

    private final Heartbeats heartbeats;
    private final IncidentActions actions;
    private final Notifier notifier;
    private final ChannelRef alertChannel;
    private final ZoneId zone;

    public HeartbeatWatch(Heartbeats heartbeats, IncidentActions actions, Notifier notifier, ChannelRef alertChannel,
            ZoneId zone) {
        this.heartbeats = heartbeats;
        this.actions = actions;
        this.notifier = notifier;
        this.alertChannel = alertChannel;
        this.zone = zone;
    }

    public Routine routine() {
        return new Routine("alert-heartbeats", "0 * * * * ?", zone, this::check);
    }

    /** Declares what is newly silent at {@code now}; returns how many incidents it declared. */
    public int check(Instant now) {
        int declared = 0;
        for (Heartbeat h : heartbeats.all()) {
            if (h.silentIncident() != null || !h.isSilent(now)) {
                continue;
            }
            AtomicBoolean ours = new AtomicBoolean();
            heartbeats.update(h.name(), x -> {
                ours.set(x.silentIncident() == null && x.isSilent(now));
                return ours.get() ? x.declared(DECLARING) : x;
            });
            if (!ours.get()) {
                continue;
            }
            IncidentActions.Declared d = actions.declare(Severity.SEV2, "Alerting pipeline silent since "
                    + TimeText.at(h.lastSeen(), zone, now) + " (no " + h.name() + " for "
                    + TimeText.span(h.every().multipliedBy(2)) + ")", h.service(), alertChannel,
                    AlertIntake.ALERTMANAGER, now);
            String id = d.incident().id();
            notifier.announce(alertChannel, d.answer(), id + ":declared:" + alertChannel.key());
            heartbeats.update(h.name(), x -> DECLARING.equals(x.silentIncident()) ? x.declared(id) : x);
            declared++;
        }
        return declared;
    }
}
