package dev.opsbot.problem;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.schedule.DueHandler;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reminds whoever a problem's follow-up waits on — a preventive action's owner, or the owner of a
 * problem resolved by accepting a risk, on its review day — in the channel the problem was opened
 * in, and again every day until {@code /followup done}. One handler per kind of follow-up.
 */
public final class ProblemReminders implements DueHandler {

    public static final String ACTION = "problem.action";
    public static final String REVIEW = "problem.review";
    static final Duration AGAIN = Duration.ofDays(1);

    private final String kind;
    private final Problems problems;
    private final DueItems due;
    private final Notifier notifier;

    private ProblemReminders(String kind, Problems problems, DueItems due, Notifier notifier) {
        this.kind = kind;
        this.problems = problems;
        this.due = due;
        this.notifier = notifier;
    }

    public static ProblemReminders actions(Problems problems, DueItems due, Notifier notifier) {
        return new ProblemReminders(ACTION, problems, due, notifier);
    }

    public static ProblemReminders reviews(Problems problems, DueItems due, Notifier notifier) {
        return new ProblemReminders(REVIEW, problems, due, notifier);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public void fire(DueItem item, Instant now) {
        Optional<Problem> found = problems.find(item.subject());
        if (found.isEmpty()) {
            return;
        }
        Problem p = found.get();
        if (p.channel() != null) {
            notifier.announce(p.channel(), message(p, item), "problem:" + item.fireKey());
        }
        Map<String, String> data = new HashMap<>(item.data());
        data.put(DueItem.OVERDUE_SINCE, item.overdueSince().orElse(item.dueAt()).toString());
        due.reschedule(new DueItem(item.id(), item.kind(), item.subject(), now.plus(AGAIN), data));
    }

    private Reply message(Problem p, DueItem item) {
        String who = Actor.parseKey(item.data().getOrDefault(DueItem.OWNER, "")).map(Inline::user).orElse("Someone");
        String what = kind.equals(ACTION) ? "Preventive action due" : "Accepted risk to review";
        Reply.Builder b = Reply.toChannel(what + ": " + Inline.strong(p.id()) + " · " + p.statement())
                .text(who + ": " + item.data().getOrDefault(DueItem.LABEL, p.id()))
                .tone(Reply.Tone.INFO);
        if (item.ref() != null) {
            b.button("Done", "/followup done " + item.ref(), Reply.Button.Style.PRIMARY)
                    .button("Snooze 1d", "/followup snooze " + item.ref() + " 1d")
                    .footer("Repeats every day until /followup done " + item.ref() + ".");
        }
        return b.build();
    }
}
