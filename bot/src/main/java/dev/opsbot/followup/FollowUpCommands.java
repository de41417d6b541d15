package dev.opsbot.followup;

import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.item;
import static dev.opsbot.command.OptionSpec.positional;
import static dev.opsbot.command.OptionSpec.toggle;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Pages;
import dev.opsbot.command.Refusal;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The {@code /followup} command: every pending follow-up, whichever feature made it. */
public final class FollowUpCommands {

    static final Duration LONGEST_SNOOZE = Duration.ofDays(30);
    private static final int PAGE = 25;
    /**
     * Pending follow-ups read to count them. Finished ones are deleted, so the pending set stays
     * small; past this many the list says "1,000+" rather than a number it does not know.
     */
    private static final int COUNTED = 1000;
    private static final OptionSpec ID = item("id", "The follow-up, e.g. FU-12", "FU");

    public static final CommandRoot<FollowUpCommands> ROOT = CommandRoot.of("followup",
            "List, snooze and finish reminders and reviews",
            CommandSpec.of("list", "List pending follow-ups", FollowUpCommands::list).readOnly()
                    .with(toggle("mine", "Only follow-ups waiting on me"),
                            flag("page", OptionType.INTEGER, "Which page of the list, from 1"))
                    .example("/followup list --mine"),
            CommandSpec.of("snooze", "Put a follow-up off for a while", FollowUpCommands::snooze)
                    .with(ID, positional("for", OptionType.DURATION, "How long, up to 30d, e.g. 30m, 2h, 1d"))
                    .example("/followup snooze FU-12 2h"),
            CommandSpec.of("done", "Finish a follow-up: no more reminders", FollowUpCommands::done)
                    .with(ID).example("/followup done FU-12"));

    private final DueItems due;
    private final AuditLog audit;
    private final WhoMayAct mayAct;

    public FollowUpCommands(DueItems due, AuditLog audit, WhoMayAct mayAct) {
        this.due = due;
        this.audit = audit;
        this.mayAct = mayAct;
    }

    Reply list(CommandCall call) {
        boolean mine = call.args().flag("mine");
        long page = Pages.requested(call);
        List<DueItem> items = due.followUps(mine ? call.actor().key() : null, COUNTED);
        if (items.isEmpty()) {
            return Reply.note(mine ? "No follow-ups are waiting on you." : "No follow-ups are pending.");
        }
        String total = items.size() >= COUNTED ? String.format(Locale.ROOT, "%,d+", COUNTED)
                : String.valueOf(items.size());
        long pages = Pages.count(items.size(), PAGE);
        if (page > pages) {
            throw Pages.pastTheEnd(items.size(), total, "follow-up", "follow-ups", pages);
        }
        int first = (int) ((page - 1) * PAGE);
        List<DueItem> shown = items.subList(first, Math.min(items.size(), first + PAGE));
        String noun = (items.size() == 1 ? " follow-up" : " follow-ups") + (mine ? " waiting on you" : "");
        String title = shown.size() == items.size() ? items.size() + noun
                : "Showing " + (first + 1) + "–" + (first + shown.size()) + " of " + total + noun;
        Instant now = call.now();
        String next = first + shown.size() < items.size()
                ? "Next: /followup list" + (mine ? " --mine" : "") + " --page " + (page + 1) + ". " : "";
        return Reply.onlyMe(title)
                .rows(shown.stream().map(i -> FollowUpRows.row(i, now, call.zone())).toList())
                .footer(next + "/followup snooze <id> <duration> puts one off; /followup done <id> finishes it.")
                .build();
    }

    Reply snooze(CommandCall call) {
        DueItem item = load(call);
        Duration span = call.args().duration("for");
        if (span.compareTo(LONGEST_SNOOZE) > 0) {
            throw Refusal.badInput("A follow-up can be snoozed for 30 days at most.");
        }
        String notSnoozable = item.data().get(DueItem.NOT_SNOOZABLE);
        if (notSnoozable != null) {
            throw Refusal.because(item.ref() + " cannot be snoozed: " + notSnoozable + ".");
        }
        mayAct.require(call.actor(), item, "snooze");
        Instant until = call.now().plus(span);
        if (!due.moveTo(item.id(), until)) {
            throw Refusal.because(item.ref() + " has just finished; there is nothing left to snooze.");
        }
        audit.append(new AuditEntry(call.now(), call.actor(), "followup.snooze", item.ref(),
                "due " + item.dueAt(), "due " + until));
        return Reply.toChannel(Inline.strong(item.ref()) + " snoozed until "
                        + TimeText.at(until, call.zone(), call.now()))
                .text(label(item))
                .footer("Snoozed by " + Inline.user(call.actor()) + ".")
                .build();
    }

    Reply done(CommandCall call) {
        DueItem item = load(call);
        String endsWhen = item.data().get(DueItem.ENDS_WHEN);
        if (endsWhen != null) {
            throw Refusal.because(item.ref() + " ends by itself once " + endsWhen + ".");
        }
        mayAct.require(call.actor(), item, "finish");
        due.cancel(item.id());
        audit.append(new AuditEntry(call.now(), call.actor(), "followup.done", item.ref(),
                "due " + item.dueAt(), "done"));
        return Reply.toChannel(Inline.strong(item.ref()) + " done")
                .text(label(item))
                .footer("Marked done by " + Inline.user(call.actor()) + "; no more reminders.")
                .tone(Reply.Tone.SUCCESS)
                .build();
    }

    private DueItem load(CommandCall call) {
        String ref = call.args().text("id");
        return due.findByRef(ref).filter(DueItem::isFollowUp).orElseThrow(() -> Refusal.badInput(
                "There is no pending follow-up " + ref + "; /followup list shows them."));
    }

    private static String label(DueItem item) {
        return item.data().getOrDefault(DueItem.LABEL, "");
    }
}
