package dev.opsbot.command;

import java.util.List;
import java.util.Optional;

/** A top-level command such as {@code /incident}: one Slack slash command, one Discord command. */
public record CommandRoot<H>(String name, String summary, List<CommandSpec<H>> commands, String fallback) {

    public CommandRoot {
        commands = List.copyOf(commands);
    }

    @SafeVarargs
    public static <H> CommandRoot<H> of(String name, String summary, CommandSpec<H>... commands) {
        return new CommandRoot<>(name, summary, List.of(commands), null);
    }

    /**
     * Makes words that name no subcommand the arguments of {@code sub}, so {@code /audit INC-7}
     * runs {@code /audit show INC-7}, and the root alone runs it too ({@code /role} is
     * {@code /role list}); {@code help} still answers with the root's help, and a word close to
     * a subcommand's name is still answered with "Did you mean". Platforms that deliver
     * subcommands by name are unaffected.
     */
    public CommandRoot<H> byDefault(String sub) {
        return new CommandRoot<>(name, summary, commands, sub);
    }

    public Optional<CommandSpec<H>> command(String sub) {
        return commands.stream().filter(c -> c.name().equals(sub)).findFirst();
    }

    /** Binds this declaration to the object that handles it. */
    public Binding<H> handledBy(H handler) {
        return new Binding<>(this, handler);
    }

    /** A root together with its handler instance. */
    public record Binding<H>(CommandRoot<H> root, H handler) {
        dev.opsbot.chat.Reply run(CommandSpec<?> spec, CommandCall call) {
            @SuppressWarnings("unchecked")
            CommandSpec<H> typed = (CommandSpec<H>) spec;
            return typed.action().apply(handler, call);
        }
    }
}
