package dev.opsbot.discord;

import dev.opsbot.command.CommandCatalog;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.data.DataArray;

/**
 * The Discord slash commands, generated from the catalog: a root is a command, each of its
 * commands a subcommand (plus {@code help}), each option a typed Discord option with the
 * required ones first. Options Discord has no type for (durations, ids, several people, time
 * zones) are strings the router parses exactly as it parses typed words; their descriptions are the
 * catalog's, so what Discord promises is what the command accepts.
 */
public final class DiscordRegistration {

    static final int MAX_SUBCOMMANDS = 25;
    static final int MAX_DESCRIPTION = 100;

    private DiscordRegistration() {
    }

    /** The exact body of the bulk overwrite: a JSON array with one object per command. */
    public static String json(CommandCatalog catalog) {
        DataArray body = DataArray.empty();
        body.addAll(commands(catalog));
        return body.toPrettyString();
    }

    public static List<SlashCommandData> commands(CommandCatalog catalog) {
        List<SlashCommandData> commands = new ArrayList<>();
        commands.add(Commands.slash("help", "Every opsbot command").setContexts(InteractionContextType.GUILD));
        for (CommandRoot<?> root : catalog.roots()) {
            commands.add(command(root));
        }
        return commands;
    }

    private static SlashCommandData command(CommandRoot<?> root) {
        SlashCommandData command = Commands.slash(name(root.name()), description(root.summary(), root.name()))
                .setContexts(InteractionContextType.GUILD);
        for (CommandSpec<?> spec : root.commands()) {
            SubcommandData sub = new SubcommandData(name(spec.name()), description(spec.summary(), spec.name()));
            spec.options().stream()
                    .sorted(Comparator.comparing(o -> !o.required()))
                    .map(DiscordRegistration::option)
                    .forEach(sub::addOptions);
            command.addSubcommands(sub);
        }
        if (root.command("help").isEmpty() && root.commands().size() < MAX_SUBCOMMANDS) {
            command.addSubcommands(new SubcommandData("help", description("How to use /" + root.name(), "help")));
        }
        return command;
    }

    static OptionData option(OptionSpec o) {
        OptionType type = switch (o.type()) {
            case INTEGER -> OptionType.INTEGER;
            case USER -> OptionType.USER;
            // A person or a role: Discord's own picker offers both.
            case HOLDER -> OptionType.MENTIONABLE;
            case CHANNEL -> OptionType.CHANNEL;
            case SWITCH -> OptionType.BOOLEAN;
            default -> OptionType.STRING;
        };
        OptionData data = new OptionData(type, name(o.name()), description(o.description() + hint(o), o.name()),
                o.required());
        if (o.type() == dev.opsbot.command.OptionType.CHOICE) {
            if (o.choices().size() <= OptionData.MAX_CHOICES) {
                o.choices().forEach(c -> data.addChoice(c, c));
            } else {
                // Discord caps choices at 25; longer lists are offered while typing instead.
                data.setAutoComplete(true);
            }
        } else if (type == OptionType.STRING && o.suggest() != OptionSpec.Suggest.NONE) {
            data.setAutoComplete(true);
        }
        if (type == OptionType.CHANNEL) {
            data.setChannelTypes(ChannelType.TEXT, ChannelType.NEWS);
        }
        return data;
    }

    /**
     * Discord shows no usage line. Durations and zones carry their own examples in the catalog,
     * where a test checks each against what the command accepts, so only how several people are
     * written is added here.
     */
    private static String hint(OptionSpec o) {
        return o.type() == dev.opsbot.command.OptionType.USERS ? " (mention them, comma-separated)" : "";
    }

    static String name(String catalogName) {
        return catalogName.toLowerCase(Locale.ROOT);
    }

    static String description(String text, String fallback) {
        String d = text == null || text.isBlank() ? fallback : text.strip();
        return DiscordReplies.cut(d, MAX_DESCRIPTION);
    }
}
