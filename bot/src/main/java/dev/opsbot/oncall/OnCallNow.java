package dev.opsbot.oncall;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.TimeText;
import dev.opsbot.digest.DigestSection;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The digest's "who is on call now", one line per rotation with the services it answers for. */
public final class OnCallNow implements DigestSection {

    private final Rotations rotations;
    private final OnCall onCall;

    public OnCallNow(Rotations rotations, OnCall onCall) {
        this.rotations = rotations;
        this.onCall = onCall;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String title() {
        return "On call now";
    }

    @Override
    public List<String> lines(Instant now, ZoneId zone) {
        return rotations.list(100).stream().map(r -> {
            Shift s = Shifts.at(r, now);
            List<String> services = onCall.servicesOf(r);
            return Inline.strong(r.name()) + (services.isEmpty() ? "" : " (" + String.join(", ", services) + ")")
                    + ": " + Inline.user(s.primary()) + " until " + TimeText.at(s.until(), zone, now)
                    + (s.secondary() == null ? "" : ", backup " + Inline.user(s.secondary()));
        }).toList();
    }
}
