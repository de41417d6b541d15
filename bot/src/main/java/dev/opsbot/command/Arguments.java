package dev.opsbot.command;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.ChatGroup;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parsed option values, typed by the option's declaration. Absent optional options are absent. */
public final class Arguments {

    private final Map<String, Object> values;

    Arguments(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    public static Arguments of(Map<String, Object> values) {
        return new Arguments(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String text(String name) {
        return get(name, String.class);
    }

    public Optional<String> optionalText(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    public long integer(String name) {
        return get(name, Long.class);
    }

    public Optional<Long> optionalInteger(String name) {
        return Optional.ofNullable((Long) values.get(name));
    }

    public Duration duration(String name) {
        return get(name, Duration.class);
    }

    public Optional<Duration> optionalDuration(String name) {
        return Optional.ofNullable((Duration) values.get(name));
    }

    public Actor user(String name) {
        return get(name, Actor.class);
    }

    /** A person, also when the option takes a person or a group ({@link OptionType#HOLDER}) and a person was named. */
    public Optional<Actor> optionalUser(String name) {
        return values.get(name) instanceof Actor a ? Optional.of(a) : Optional.empty();
    }

    /** The chat group named by a {@link OptionType#HOLDER} option, when a group rather than a person was named. */
    public Optional<ChatGroup> optionalGroup(String name) {
        return values.get(name) instanceof ChatGroup g ? Optional.of(g) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public List<Actor> users(String name) {
        return (List<Actor>) values.getOrDefault(name, List.of());
    }

    public ChannelRef channel(String name) {
        return get(name, ChannelRef.class);
    }

    public Optional<ChannelRef> optionalChannel(String name) {
        return Optional.ofNullable((ChannelRef) values.get(name));
    }

    public ZoneId zone(String name) {
        return get(name, ZoneId.class);
    }

    public Optional<ZoneId> optionalZone(String name) {
        return Optional.ofNullable((ZoneId) values.get(name));
    }

    /** A yes/no switch: a TEXT flag given with no value reads as present. */
    public boolean flag(String name) {
        return values.containsKey(name);
    }

    private <T> T get(String name, Class<T> type) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("option " + name + " was not parsed; is it declared required?");
        }
        return type.cast(v);
    }
}
