package dev.opsbot.audit;

import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.optionalPositional;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Refusal;
import dev.opsbot.store.AuditEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The {@code /audit} command: what happened to an item, or what someone did, newest first. */
public final class AuditCommands {

    static final int PAGE = 10;
    private static final int LONGEST_VALUE = 200;

    public static final CommandRoot<AuditCommands> ROOT = CommandRoot.of("audit",
            "Read the audit log: what happened to an item, what someone did",
            CommandSpec.of("show", "Entries about an item (INC-7, a service) or by a person", AuditCommands::show)
                    .readOnly()
                    .with(optionalPositional("item", OptionType.NAME, "An incident, a service, a rotation…"),
                            flag("actor", OptionType.USER, "Only what this person did"),
                            flag("since", OptionType.DURATION, "Only this recent, e.g. 1d"),
                            flag("page", OptionType.INTEGER, "Older pages: 2, 3, …"))
                    .example("/audit INC-7   or   /audit --actor @bob --since 1d"))
            .byDefault("show");

    private final AuditTrail trail;
    private final ZoneId zone;

    public AuditCommands(AuditTrail trail, ZoneId zone) {
        this.trail = trail;
        this.zone = zone;
    }

    Reply show(CommandCall call) {
        Optional<String> item = call.args().optionalText("item");
        Optional<Actor> actor = call.args().optionalUser("actor");
        if (item.isPresent() == actor.isPresent()) {
            throw Refusal.badInput("Name an item or --actor, one of the two.");
        }
        long page = call.args().optionalInteger("page").orElse(1L);
        if (page < 1 || page > 100_000) {
            throw Refusal.badInput("--page counts from 1.");
        }
        Instant since = call.args().optionalDuration("since").map(d -> call.now().minus(d)).orElse(Instant.MIN);
        String key = item.map(AuditTrail::itemKey).orElseGet(() -> AuditTrail.actorKey(actor.orElseThrow()));
        String about = item.orElseGet(() -> Inline.plain(Inline.user(actor.orElseThrow())));
        AuditTrail.Page found = trail.page(key, (int) page, PAGE);
        List<AuditEntry> recent = found.entries().stream().filter(e -> !e.at().isBefore(since)).toList();
        Reply.Builder b = Reply.onlyMe("Audit · " + about);
        if (recent.isEmpty()) {
            return b.text(page == 1 ? "Nothing recorded" + (since == Instant.MIN ? "" : " in that time") + "."
                    : "No entries on page " + page + ".").build();
        }
        recent.forEach(e -> b.row(row(e)));
        boolean older = recent.size() == found.entries().size() && page < found.pages(PAGE);
        b.footer("Page " + page + (since == Instant.MIN ? " of " + found.pages(PAGE) : "")
                + (older ? " · older: the same command with --page " + (page + 1) : ""));
        return b.build();
    }

    private String row(AuditEntry e) {
        String change = cut(e.before()).isEmpty() ? cut(e.after())
                : cut(e.before()) + " → " + (cut(e.after()).isEmpty() ? "(gone)" : cut(e.after()));
        return TimeText.dayClock(e.at(), zone) + " · " + (e.actor() == null ? "opsbot" : Inline.user(e.actor()))
                + " · " + e.action() + " · " + Inline.clean(e.item()) + (change.isEmpty() ? "" : " · " + change);
    }

    private static String cut(String value) {
        if (value == null) {
            return "";
        }
        String clean = Inline.clean(value).strip();
        return clean.length() <= LONGEST_VALUE ? clean : clean.substring(0, LONGEST_VALUE - 1) + "…";
    }

}
