package dev.opsbot.command;

import dev.opsbot.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One subcommand: its name, options, help and the method of the feature class {@code H} that
 * handles it. Declared statically, so the catalog can be read (help, Slack manifest, Discord
 * registration) without a database or a running bot.
 */
public record CommandSpec<H>(
        String name,
        String summary,
        List<OptionSpec> options,
        String example,
        BiFunction<H, CommandCall, Reply> action,
        boolean readsOnly,
        String declaredPermission) {

    public CommandSpec {
        options = List.copyOf(options);
        example = example == null ? "" : example;
    }

    public static <H> CommandSpec<H> of(String name, String summary, BiFunction<H, CommandCall, Reply> action) {
        return new CommandSpec<>(name, summary, List.of(), "", action, false, null);
    }

    public CommandSpec<H> with(OptionSpec... more) {
        List<OptionSpec> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return new CommandSpec<>(name, summary, all, example, action, readsOnly, declaredPermission);
    }

    public CommandSpec<H> example(String text) {
        return new CommandSpec<>(name, summary, options, text, action, readsOnly, declaredPermission);
    }

    /**
     * Marks a command that only reads. Running it twice is harmless, so a platform retry of it is
     * simply answered again and no request id is stored for it.
     */
    public CommandSpec<H> readOnly() {
        return new CommandSpec<>(name, summary, options, example, action, true, declaredPermission);
    }

    /**
     * Declares the permission this command needs when the default does not fit, e.g. several
     * subcommands that change the same thing sharing {@code escalation.write}.
     */
    public CommandSpec<H> needs(String permission) {
        return new CommandSpec<>(name, summary, options, example, action, readsOnly, permission);
    }

    /**
     * The permission the router checks before the handler runs: the declared one, else
     * {@code <root>.read} for a command that only reads, else {@code <root>.<name>}.
     */
    public String permission(String root) {
        if (declaredPermission != null) {
            return declaredPermission;
        }
        return root + "." + (readsOnly ? "read" : name);
    }

    public Optional<OptionSpec> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }

    public List<OptionSpec> positionals() {
        return options.stream().filter(OptionSpec::positional).toList();
    }

    public String usage(String root) {
        StringBuilder sb = new StringBuilder("/").append(root).append(' ').append(name);
        for (OptionSpec o : options) {
            sb.append(' ').append(o.usage());
        }
        return sb.toString();
    }
}
