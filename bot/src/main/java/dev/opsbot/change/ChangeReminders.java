package dev.opsbot.change;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.schedule.DueHandler;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.service.Service;
import dev.opsbot.service.Services;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The clock's part in a change: approvals still pending are reminded; the requester (who carries
 * the change out) is told when the window opens; a change still in progress when its window closes
 * pings the requester, then the affected services' channels until it is done; an emergency change
 * gets a review follow-up two days after it ends. Every fire re-reads the change and stays quiet
 * when it has moved on, and every ping is keyed by the fire, so a retried fire pings once.
 */
public final class ChangeReminders implements DueHandler {

    static final String KIND = "change.window";
    static final Duration APPROVAL_EVERY = Duration.ofHours(4);
    static final Duration OVERRUN_FIRST = Duration.ofMinutes(15);
    static final Duration OVERRUN_EVERY = Duration.ofMinutes(30);
    static final Duration REVIEW_AFTER = Duration.ofHours(48);
    static final Duration REVIEW_EVERY = Duration.ofDays(1);
    private static final String STEP = "step";

    private final ChangeRequests changes;
    private final Services services;
    private final DueItems due;
    private final Notifier notifier;
    private final ZoneId zone;

    public ChangeReminders(ChangeRequests changes, Services services, DueItems due, Notifier notifier, ZoneId zone) {
        this.changes = changes;
        this.services = services;
        this.due = due;
        this.notifier = notifier;
        this.zone = zone;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Arms the reminders of a change just requested. */
    void requested(ChangeRequest c, Instant now) {
        if (c.state() == ChangeState.REQUESTED) {
            Instant first = now.plus(APPROVAL_EVERY);
            if (first.isBefore(c.start())) {
                due.schedule(item(c, "approval", first));
            }
        }
        due.schedule(item(c, "opens", c.start()));
        due.schedule(item(c, "closes", c.end()));
    }

    /** Stops every window reminder of a change that ended one way or another; an emergency one gets its review. */
    void ended(ChangeRequest c, Instant now) {
        due.cancelAbout(c.id(), KIND);
        if (c.type() == ChangeType.EMERGENCY && c.state().wasCarriedOut()) {
            due.schedule(new DueItem("change-review:" + c.id(), KIND, c.id(), now.plus(REVIEW_AFTER),
                    Map.of(STEP, "review", DueItem.LABEL, "Review emergency change " + c.id() + " · " + c.title(),
                            DueItem.OWNER, c.requester().key())));
        }
    }

    /** No approval reminders once approved; the window reminders stay. */
    void approved(ChangeRequest c) {
        due.cancel("change-approval:" + c.id());
    }

    void started(ChangeRequest c) {
        due.cancel("change-opens:" + c.id());
    }

    private static DueItem item(ChangeRequest c, String step, Instant at) {
        return new DueItem("change-" + step + ":" + c.id(), KIND, c.id(), at, Map.of(STEP, step));
    }

    @Override
    public void fire(DueItem item, Instant now) {
        Optional<ChangeRequest> found = changes.find(item.subject());
        if (found.isEmpty()) {
            return;
        }
        ChangeRequest c = found.get();
        String step = item.data().getOrDefault(STEP, "");
        switch (step) {
            case "approval" -> {
                if (c.state() == ChangeState.REQUESTED && now.isBefore(c.start())) {
                    for (ChannelRef ch : channels(c)) {
                        notifier.announce(ch, approvalReminder(c, now), item.fireKey() + ":" + ch.key());
                    }
                    Instant next = now.plus(APPROVAL_EVERY);
                    if (next.isBefore(c.start())) {
                        due.reschedule(item.at(next));
                    }
                }
            }
            case "opens" -> {
                if (c.state() == ChangeState.APPROVED) {
                    notifier.announce(c.channel(), Reply.toChannel(Inline.strong(c.id()) + " · " + c.title())
                            .text(Inline.user(c.requester()) + ": the window of " + c.id() + " is open until "
                                    + TimeText.at(c.end(), zone, now) + ".")
                            .button("Start " + c.id(), "/change start " + c.id(), Reply.Button.Style.PRIMARY)
                            .build(), item.fireKey());
                } else if (c.state() == ChangeState.REQUESTED) {
                    notifier.announce(c.channel(), Reply.toChannel(Inline.strong(c.id()) + " · " + c.title())
                            .text(Inline.user(c.requester()) + ": the window of " + c.id()
                                    + " is open, but it is not approved yet.")
                            .tone(Reply.Tone.WARNING).build(), item.fireKey());
                }
            }
            case "closes" -> {
                if (c.state() == ChangeState.IN_PROGRESS) {
                    notifier.announce(c.channel(), overrun(c, now), item.fireKey());
                    due.schedule(new DueItem("change-overrun:" + c.id(), KIND, c.id(), now.plus(OVERRUN_FIRST),
                            Map.of(STEP, "overrun")));
                }
            }
            case "overrun" -> {
                if (c.state() == ChangeState.IN_PROGRESS) {
                    for (ChannelRef ch : channels(c)) {
                        notifier.announce(ch, overrun(c, now), item.fireKey() + ":" + ch.key());
                    }
                    due.reschedule(item.at(now.plus(OVERRUN_EVERY)));
                }
            }
            case "review" -> {
                notifier.announce(c.channel(), Reply.toChannel("Review due: " + Inline.strong(c.id()) + " · "
                        + c.title())
                        .text(Inline.user(c.requester()) + ": emergency change " + c.id() + " ended "
                                + TimeText.at(c.finishedAt(), zone, now) + "; its review is due.")
                        .button("Review written", "/followup done " + item.ref(), Reply.Button.Style.PRIMARY)
                        .build(), item.fireKey());
                String overdue = item.overdueSince().orElse(item.dueAt()).toString();
                Map<String, String> data = new HashMap<>(item.data());
                data.put(DueItem.OVERDUE_SINCE, overdue);
                due.reschedule(new DueItem(item.id(), KIND, c.id(), now.plus(REVIEW_EVERY), data));
            }
            default -> {
                // An item of a step this version does not know: nothing to say about it.
            }
        }
    }

    private Reply approvalReminder(ChangeRequest c, Instant now) {
        return Reply.toChannel("Approval pending: " + Inline.strong(c.id()) + " · " + c.title())
                .text(c.id() + " by " + Inline.user(c.requester()) + " (" + c.risk().word() + " risk, "
                        + ChangeCards.window(c, zone, now) + ") still waits for approval.")
                .button("Approve", "/change approve " + c.id(), Reply.Button.Style.PRIMARY)
                .button("Reject", "/change reject " + c.id(), Reply.Button.Style.DANGER)
                .build();
    }

    private Reply overrun(ChangeRequest c, Instant now) {
        return Reply.toChannel("Window closed: " + Inline.strong(c.id()) + " · " + c.title())
                .text(Inline.user(c.requester()) + ": " + c.id() + " is still in progress "
                        + TimeText.span(Duration.between(c.end(), now)) + " after its window closed at "
                        + TimeText.at(c.end(), zone, now) + ". Finish it with /change done " + c.id()
                        + " success|failed|rolled-back.")
                .tone(Reply.Tone.WARNING).build();
    }

    /** The affected services' channels, or where the change was requested if none has one. */
    private List<ChannelRef> channels(ChangeRequest c) {
        Set<ChannelRef> out = new LinkedHashSet<>();
        for (String name : c.services()) {
            services.find(name).map(Service::channel).ifPresent(out::add);
        }
        if (out.isEmpty() && c.channel() != null) {
            out.add(c.channel());
        }
        return List.copyOf(out);
    }
}
