package dev.opsbot.digest;

import static dev.opsbot.command.OptionSpec.choice;
import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.positional;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Refusal;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code /digest} command: which channels get a digest, when, and what it says now. */
public final class DigestCommands {

    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");

    public static final CommandRoot<DigestCommands> ROOT = CommandRoot.of("digest",
            "Post a regular summary of incidents, follow-ups and on-call to a channel",
            CommandSpec.of("subscribe", "Post a digest to a channel on a schedule", DigestCommands::subscribe)
                    .with(positional("channel", OptionType.CHANNEL, "Where the digest goes"),
                            choice("cadence", "daily, weekdays, or weekly (Mondays)", Cadence.WORDS),
                            positional("time", OptionType.NAME, "Local time of day, e.g. 09:00"),
                            flag("tz", OptionType.ZONE, "Time zone, e.g. Europe/London (default: the team's)"))
                    .example("/digest subscribe #ops weekdays 09:00 --tz Europe/London"),
            CommandSpec.of("unsubscribe", "Stop a channel's digest", DigestCommands::unsubscribe)
                    .with(positional("channel", OptionType.CHANNEL, "The channel"))
                    .example("/digest unsubscribe #ops"),
            CommandSpec.of("preview", "Show the digest as it would read now", DigestCommands::preview).readOnly()
                    .example("/digest preview"),
            CommandSpec.of("list", "Show which channels get a digest", DigestCommands::list).readOnly()
                    .example("/digest list"));

    private final DigestSubscriptions subscriptions;
    private final Digest digest;
    private final DueItems due;
    private final AuditLog audit;
    private final ZoneId teamZone;

    public DigestCommands(DigestSubscriptions subscriptions, Digest digest, DueItems due, AuditLog audit,
            ZoneId teamZone) {
        this.subscriptions = subscriptions;
        this.digest = digest;
        this.due = due;
        this.audit = audit;
        this.teamZone = teamZone;
    }

    Reply subscribe(CommandCall call) {
        ChannelRef channel = call.args().channel("channel");
        Cadence cadence = Cadence.parse(call.args().text("cadence")).orElseThrow();
        LocalTime at = timeOfDay(call.args().text("time"));
        ZoneId zone = call.args().optionalZone("tz").orElse(teamZone);
        DigestSubscription subscription = new DigestSubscription(channel, cadence, at, zone, call.actor(), call.now());
        Optional<DigestSubscription> before = subscriptions.save(subscription);
        DueItem next = DigestPoster.nextPost(subscription, call.now());
        due.schedule(next);
        audit.append(new AuditEntry(call.now(), call.actor(), "digest.subscribe", next.id(),
                before.map(DigestSubscription::describe).orElse(""), subscription.describe()));
        return Reply.toChannel("Digest for " + Inline.channel(channel))
                .text(Inline.channel(channel) + " gets a digest " + subscription.describe()
                        + before.map(b -> " (was " + b.describe() + ")").orElse("") + ".")
                .field("Next", TimeText.at(next.dueAt(), zone, call.now()))
                .footer("Set by " + Inline.user(call.actor()) + ". /digest preview shows what it says now.")
                .tone(Reply.Tone.SUCCESS)
                .build();
    }

    Reply unsubscribe(CommandCall call) {
        ChannelRef channel = call.args().channel("channel");
        DigestSubscription removed = subscriptions.remove(channel).orElseThrow(() -> Refusal.because(
                Inline.channel(channel) + " has no digest; /digest list shows which channels do."));
        String id = DigestPoster.itemId(removed);
        due.cancel(id);
        audit.append(new AuditEntry(call.now(), call.actor(), "digest.unsubscribe", id, removed.describe(), ""));
        return Reply.toChannel("Digest stopped for " + Inline.channel(channel))
                .text(Inline.channel(channel) + " no longer gets a digest (it came " + removed.describe() + ").")
                .footer("Stopped by " + Inline.user(call.actor()) + ".")
                .build();
    }

    Reply preview(CommandCall call) {
        Optional<DigestSubscription> here = subscriptions.find(call.channel().key());
        ZoneId zone = here.map(DigestSubscription::zone).orElse(call.zone());
        String note = here.map(s -> "This channel gets it " + s.describe() + ".")
                .orElse("This channel has no digest; /digest subscribe sets one up.");
        return digest.preview(call.now(), zone, note);
    }

    Reply list(CommandCall call) {
        List<DigestSubscription> all = subscriptions.all().stream()
                .sorted(Comparator.comparing(s -> s.channel().name())).toList();
        if (all.isEmpty()) {
            return Reply.note("No channel gets a digest yet; /digest subscribe sets one up.");
        }
        return Reply.onlyMe(all.size() + (all.size() == 1 ? " digest" : " digests"))
                .rows(all.stream().map(s -> Inline.channel(s.channel()) + " · " + s.describe()
                        + " · set by " + Inline.user(s.by())).toList())
                .build();
    }

    private static LocalTime timeOfDay(String typed) {
        Matcher m = TIME.matcher(typed.strip());
        if (!m.matches()) {
            throw Refusal.badInput("“" + typed + "” is not a time of day; write it like 09:00 or 17:30.");
        }
        return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
}
