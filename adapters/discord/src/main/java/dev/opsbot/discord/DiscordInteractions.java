package dev.opsbot.discord;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.command.Invocation;
import java.time.OffsetDateTime;
import dev.opsbot.access.SeenGroups;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/**
 * Slash commands and button clicks become invocations of the core router, as the person who
 * used them, in the channel they were used in. A slash command's interaction id makes a
 * redelivery harmless; a click is named by the message as drawn, the button and the clicker, so
 * a double click runs once while another person's click on the same button is their own.
 * Autocomplete is answered by {@link DiscordAutocomplete}. The roles a member holds arrive with
 * each interaction and are recorded in {@link SeenGroups} before the router checks the command,
 * so a role granted with {@code /role grant} counts for exactly the members Discord says hold it.
 */
final class DiscordInteractions extends ListenerAdapter {

    private final CommandRouter router;
    private final DiscordReplies replies;
    private final DiscordMentions mentions;
    private final ButtonCommands buttons;
    private final Answering answering;
    private final DiscordAutocomplete autocomplete;
    private final SeenGroups groups;

    DiscordInteractions(CommandRouter router, DiscordReplies replies, DiscordMentions mentions,
            ButtonCommands buttons, Answering answering, DiscordAutocomplete autocomplete, SeenGroups groups) {
        this.groups = groups;
        this.router = router;
        this.replies = replies;
        this.mentions = mentions;
        this.buttons = buttons;
        this.answering = answering;
        this.autocomplete = autocomplete;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        answering.answer(safely(() -> {
            Invocation invocation = invocation(event, event.getCommandString(), "discord:" + event.getId());
            if (event.getName().equals("help")) {
                return router.handle(new Invocation(invocation.actor(), invocation.channel(), "/help", null));
            }
            return router.handle(invocation, event.getName(), event.getSubcommandName(), options(event));
        }), new ReplyAnswer(event, replies));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Optional<String> line = buttons.lineFor(event.getComponentId());
        boolean onPrivateMessage = event.getMessage().isEphemeral();
        Answering.Answer answer = onPrivateMessage
                ? new ReplyAnswer(event, replies) : new EditAnswer(event, replies);
        answering.answer(safely(() -> line
                .map(l -> router.handle(invocation(event, l, clickId(event))))
                .orElseGet(() -> Reply.note("This button no longer works; type the command instead."))), answer);
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        autocomplete.answer(event);
    }

    /**
     * Each click is a new interaction, so the interaction id cannot tell a double click. The
     * message's id and last edit name the drawing the person saw (an edit redraws the buttons, so
     * a click on the redrawn card is a new request), the custom id names the button, and the
     * clicker's id keeps one person's refused click from using up the button for the right person.
     */
    private static String clickId(ButtonInteractionEvent event) {
        Message message = event.getMessage();
        OffsetDateTime edited = message.getTimeEdited();
        return "discord:click:" + message.getId() + ":" + (edited == null ? 0 : edited.toInstant().toEpochMilli())
                + ":" + event.getComponentId() + ":" + event.getUser().getId();
    }

    private Invocation invocation(Interaction interaction, String line, String requestId) {
        User user = interaction.getUser();
        Member member = interaction.getMember();
        Actor actor = new Actor(Platform.DISCORD, user.getId(),
                member != null ? member.getEffectiveName() : user.getEffectiveName());
        mentions.rememberUser(actor.id(), actor.name());
        groups.seen(actor, roleIds(member));
        MessageChannel channel = interaction.getChannel() instanceof MessageChannel c ? c : null;
        String channelId = interaction.getChannelId() == null ? "dm:" + user.getId() : interaction.getChannelId();
        String channelName = channel == null ? null : channel.getName();
        mentions.rememberChannel(channelId, channelName);
        return new Invocation(actor, new ChannelRef(Platform.DISCORD, channelId, channelName), line, requestId);
    }

    /**
     * The member's roles, and the guild's @everyone role (its id is the guild's), which Discord
     * leaves out of a member's list but every member holds. Outside a guild there are none, and
     * in a guild the bot is not in (a detached member) the roles cannot be resolved, so none.
     */
    private List<String> roleIds(Member member) {
        if (member == null || member.isDetached()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (Role role : member.getRoles()) {
            mentions.rememberRole(role.getId(), role.getName());
            ids.add(role.getId());
        }
        ids.add(member.getGuild().getId());
        return ids;
    }

    /** Discord has already resolved people, roles and channels to ids; they reach the router as mentions. */
    private Map<String, String> options(SlashCommandInteractionEvent event) {
        Map<String, String> values = new LinkedHashMap<>();
        for (OptionMapping o : event.getOptions()) {
            String value = switch (o.getType()) {
                case USER -> person(o);
                case ROLE -> role(o.getAsRole());
                case MENTIONABLE -> o.getAsMentionable() instanceof Role r ? role(r) : person(o);
                case CHANNEL -> {
                    mentions.rememberChannel(o.getAsString(), o.getAsChannel().getName());
                    yield DiscordMentions.channelMention(o.getAsString());
                }
                default -> o.getAsString();
            };
            values.put(o.getName(), value);
        }
        return values;
    }

    private String person(OptionMapping o) {
        Member member = o.getAsMember();
        mentions.rememberUser(o.getAsString(), member != null ? member.getEffectiveName() : o.getAsUser().getEffectiveName());
        return DiscordMentions.userMention(o.getAsString());
    }

    private String role(Role role) {
        mentions.rememberRole(role.getId(), role.getName());
        return DiscordMentions.roleMention(role.getId());
    }

    /** The router answers every failure itself; this guards the adapter's own steps around it. */
    private static Supplier<Reply> safely(Supplier<Reply> work) {
        return () -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                return CommandRouter.apology("Discord interaction failed before reaching the router", e);
            }
        };
    }
}
