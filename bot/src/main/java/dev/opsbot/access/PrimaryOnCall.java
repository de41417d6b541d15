package dev.opsbot.access;

import dev.opsbot.chat.Actor;
import dev.opsbot.oncall.OnCall;
import dev.opsbot.service.Services;
import java.time.Instant;

/** The on-call feature's answer to "is this person the primary for this service now", read through its public API. */
public final class PrimaryOnCall implements OnShift {

    private final Services services;
    private final OnCall onCall;

    public PrimaryOnCall(Services services, OnCall onCall) {
        this.services = services;
        this.onCall = onCall;
    }

    @Override
    public boolean primary(Actor actor, String service, Instant at) {
        return services.find(service.toLowerCase(java.util.Locale.ROOT))
                .flatMap(s -> onCall.forService(s, at))
                .map(shift -> shift.primary() != null && shift.primary().sameAs(actor))
                .orElse(false);
    }
}
