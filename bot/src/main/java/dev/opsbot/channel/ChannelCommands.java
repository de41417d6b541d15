package dev.opsbot.channel;

import static dev.opsbot.command.OptionSpec.optionalPositional;
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
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code /channel} command: the zone a channel reads its times in. */
public final class ChannelCommands {

    public static final CommandRoot<ChannelCommands> ROOT = CommandRoot.of("channel",
            "Choose the time zone a channel reads its times in",
            CommandSpec.of("zone", "Show a channel's times in this zone", ChannelCommands::zone)
                    .with(positional("channel", OptionType.CHANNEL, "The channel"),
                            positional("zone", OptionType.ZONE, "A time zone, e.g. Europe/Berlin"))
                    .example("/channel zone #ops-berlin Europe/Berlin"),
            CommandSpec.of("unzone", "Show a channel's times in the team's zone again", ChannelCommands::unzone)
                    .with(positional("channel", OptionType.CHANNEL, "The channel"))
                    .example("/channel unzone #ops-berlin"),
            CommandSpec.of("show", "Show which zone a channel's times are in", ChannelCommands::show).readOnly()
                    .with(optionalPositional("channel", OptionType.CHANNEL, "The channel (this one if not given)"))
                    .example("/channel show #ops-berlin"));

    private final ChannelZones zones;
    private final AuditLog audit;

    public ChannelCommands(ChannelZones zones, AuditLog audit) {
        this.zones = zones;
        this.audit = audit;
    }

    Reply zone(CommandCall call) {
        ChannelRef channel = call.args().channel("channel");
        ZoneId zone = call.args().zone("zone");
        Optional<ZoneId> before = zones.choose(channel, zone);
        audit.append(new AuditEntry(call.now(), call.actor(), "channel.zone", channel.key(),
                before.map(ZoneId::getId).orElse(""), zone.getId()));
        return Reply.toChannel("Times in " + Inline.channel(channel))
                .text(Inline.channel(channel) + " now reads its times in " + zone.getId()
                        + before.map(b -> " (was " + b.getId() + ")")
                                .orElse(" (was the team's, " + zones.team().getId() + ")")
                        + ": it is " + TimeText.at(call.now(), zone, call.now()) + " there.")
                .footer("Set by " + Inline.user(call.actor()) + ". /channel unzone " + channel.name()
                        + " goes back to the team's zone.")
                .tone(Reply.Tone.SUCCESS)
                .build();
    }

    Reply unzone(CommandCall call) {
        ChannelRef channel = call.args().channel("channel");
        ZoneId before = zones.chosen(channel).orElseThrow(() -> Refusal.because(Inline.channel(channel)
                + " already reads its times in the team's zone, " + zones.team().getId() + "."));
        zones.choose(channel, null);
        audit.append(new AuditEntry(call.now(), call.actor(), "channel.zone", channel.key(), before.getId(), ""));
        return Reply.toChannel("Times in " + Inline.channel(channel))
                .text(Inline.channel(channel) + " reads its times in the team's zone again, " + zones.team().getId()
                        + " (was " + before.getId() + ").")
                .footer("Set by " + Inline.user(call.actor()) + ".")
                .build();
    }

    Reply show(CommandCall call) {
        ChannelRef channel = call.args().optionalChannel("channel").orElse(call.channel());
        ZoneId zone = zones.of(channel);
        String whose = zones.chosen(channel).isPresent() ? "its own zone" : "the team's zone";
        String text = Inline.channel(channel) + " reads its times in " + zone.getId() + ", " + whose + ": it is "
                + TimeText.at(call.now(), zone, call.now()) + " there.";
        Map<ChannelRef, ZoneId> own = zones.all();
        List<String> rows = own.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().name()))
                .map(e -> Inline.channel(e.getKey()) + " · " + e.getValue().getId())
                .toList();
        if (!rows.isEmpty()) {
            text += " Channels with a zone of their own (the rest use " + zones.team().getId() + "):";
        }
        return Reply.onlyMe("Times in " + Inline.channel(channel)).text(text).rows(rows)
                .footer("/channel zone #channel Europe/Berlin chooses a channel's zone.")
                .build();
    }
}
