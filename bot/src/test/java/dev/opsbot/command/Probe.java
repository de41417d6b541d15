package dev.opsbot.command;

import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.optionalPositional;
import static dev.opsbot.command.OptionSpec.positional;
import static dev.opsbot.command.OptionSpec.toggle;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Reply;
import dev.opsbot.testing.MutableClock;
import java.util.List;

/**
 * A made-up {@code /probe} command with one subcommand per option type. Its handler keeps the
 * arguments it was given, so tests can parse through the public router and look at the result.
 */
final class Probe {

    static final CommandRoot<Probe> ROOT = CommandRoot.of("probe", "Options of every kind",
            CommandSpec.of("say", "A choice, then free text", Probe::keep)
                    .with(OptionSpec.choice("level", "How loud", List.of("low", "High")),
                            positional("words", OptionType.TEXT, "What to say"),
                            flag("tag", OptionType.TEXT, "A tag"))
                    .example("/probe say low hello there"),
            CommandSpec.of("count", "An integer and a duration", Probe::keep)
                    .with(positional("n", OptionType.INTEGER, "How many"),
                            optionalPositional("every", OptionType.DURATION, "How often"),
                            toggle("dry", "Do not do it")),
            CommandSpec.of("meet", "People, a channel and a zone", Probe::keep)
                    .with(positional("who", OptionType.USER, "The host"),
                            flag("guests", OptionType.USERS, "Who else"),
                            flag("in", OptionType.CHANNEL, "Where"),
                            flag("zone", OptionType.ZONE, "Whose time")),
            CommandSpec.of("link", "Two item ids", Probe::keep)
                    .with(OptionSpec.item("change", "A change", "CHG"),
                            OptionSpec.item("any", "Any item").optional()),
            CommandSpec.of("pick", "A single-word name", Probe::keep)
                    .with(positional("target", OptionType.NAME, "Which one"),
                            flag("tag", OptionType.NAME, "A tag")),
            CommandSpec.of("boom", "Fails on our side", Probe::boom));

    static final ChannelRef OPS = ChannelRef.console("ops");

    final MutableClock clock = MutableClock.at("2026-11-27T14:00:00Z");
    final CommandRouter router;
    Arguments last;
    int calls;

    Probe() {
        this(HandledRequests.NONE);
    }

    Probe(HandledRequests handled) {
        this.router = new CommandRouter(List.of(ROOT.handledBy(this)), handled, clock);
    }

    Reply run(String line) {
        return router.handle(Invocation.of(Actor.console("alice"), OPS, line));
    }

    /** Runs a line that must parse, and returns what the handler received. */
    Arguments parse(String line) {
        last = null;
        Reply reply = run(line);
        if (last == null) {
            throw new AssertionError("“" + line + "” was refused: " + reply.plainText());
        }
        return last;
    }

    private Reply keep(CommandCall call) {
        calls++;
        last = call.args();
        return Reply.note("ok");
    }

    private Reply boom(CommandCall call) {
        throw new IllegalStateException("database on fire at dev.opsbot.Secret");
    }
}
