package dev.opsbot.oncall;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.schedule.DueHandler;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import java.time.Instant;
import java.util.Map;

/**
 * Announces each handoff in the rotation's channels. One due item waits for the next handoff;
 * firing it announces and schedules the one after, so a rotation always has exactly one ahead.
 */
public final class Handoffs implements DueHandler {

    public static final String KIND = "oncall.handoff";

    private final Rotations rotations;
    private final OnCall onCall;
    private final DueItems due;
    private final Notifier notifier;

    public Handoffs(Rotations rotations, OnCall onCall, DueItems due, Notifier notifier) {
        this.rotations = rotations;
        this.onCall = onCall;
        this.due = due;
        this.notifier = notifier;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Schedules the first handoff after {@code t}, replacing whatever was waiting for this rotation. */
    public void scheduleNext(Rotation r, Instant t) {
        String subject = subject(r.name());
        due.cancelAbout(subject, KIND);
        Instant at = Shifts.nextHandoff(r, t);
        due.schedule(new DueItem("handoff:" + r.name() + ":" + at.getEpochSecond(), KIND, subject, at,
                Map.of("rotation", r.name())));
    }

    @Override
    public void fire(DueItem item, Instant now) {
        var found = rotations.find(item.data().get("rotation"));
        if (found.isEmpty()) {
            return;
        }
        Rotation r = found.get();
        // Late fires (the bot was down) announce who is on call now, not who was at the due time.
        Instant at = now.isAfter(item.dueAt()) ? now : item.dueAt();
        Shift shift = Shifts.at(r, at);
        Shift before = Shifts.at(r, item.dueAt().minusSeconds(1));
        String text = Inline.user(shift.primary()) + " is now on call until "
                + TimeText.at(shift.until(), r.zone(), at)
                + (before.primary().sameAs(shift.primary()) ? ""
                        : ", taking over from " + Inline.user(before.primary()))
                + "." + (shift.secondary() == null ? "" : " Backup: " + Inline.user(shift.secondary()) + ".");
        Reply message = Reply.toChannel("On-call handoff · " + r.name()).text(text).build();
        for (ChannelRef channel : onCall.channelsOf(r)) {
            notifier.announce(channel, message, item.id() + ":" + channel.key());
        }
        scheduleNext(r, at);
    }

    static String subject(String rotation) {
        return "rotation:" + rotation;
    }
}
