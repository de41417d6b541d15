package dev.opsbot.discord;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.ChatGroup;
import dev.opsbot.chat.Platform;
import dev.opsbot.command.MentionSyntax;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Discord writes people, roles and channels: {@code <@123>}, {@code <@!123>}, {@code <@&123>}
 * (a role, which opsbot treats as a chat group) and {@code <#123>}.
 * A mention carries only an id; the names Discord resolved alongside an interaction are
 * remembered, so stored people and channels read well on other platforms too.
 */
public final class DiscordMentions implements MentionSyntax {

    private static final Pattern USER = Pattern.compile("<@!?(\\d{1,20})>");
    private static final Pattern ROLE = Pattern.compile("<@&(\\d{1,20})>");
    private static final Pattern CHANNEL = Pattern.compile("<#(\\d{1,20})>");
    // Names are a nicety; a bound keeps a long-running bot from growing without end.
    private static final int MAX_NAMES = 10_000;

    private final Map<String, String> userNames = new ConcurrentHashMap<>();
    private final Map<String, String> channelNames = new ConcurrentHashMap<>();
    private final Map<String, String> roleNames = new ConcurrentHashMap<>();

    public static String userMention(String id) {
        return "<@" + id + ">";
    }

    public static String roleMention(String id) {
        return "<@&" + id + ">";
    }

    public static String channelMention(String id) {
        return "<#" + id + ">";
    }

    public void rememberUser(String id, String name) {
        remember(userNames, id, name);
    }

    public void rememberRole(String id, String name) {
        remember(roleNames, id, name);
    }

    public void rememberChannel(String id, String name) {
        remember(channelNames, id, name);
    }

    @Override
    public Optional<Actor> user(String token) {
        Matcher m = USER.matcher(token.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group(1);
        return Optional.of(new Actor(Platform.DISCORD, id, userNames.get(id)));
    }

    @Override
    public Optional<ChatGroup> group(String token) {
        Matcher m = ROLE.matcher(token.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group(1);
        return Optional.of(new ChatGroup(Platform.DISCORD, id, roleNames.get(id)));
    }

    @Override
    public Optional<ChannelRef> channel(String token) {
        Matcher m = CHANNEL.matcher(token.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group(1);
        return Optional.of(new ChannelRef(Platform.DISCORD, id, channelNames.get(id)));
    }

    private static void remember(Map<String, String> names, String id, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        if (names.size() >= MAX_NAMES) {
            names.clear();
        }
        names.put(id, name);
    }
}
