package dev.opsbot.command;

import dev.opsbot.chat.Actor;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one typed word into the value its option declares, or refuses naming the word. */
final class OptionValues {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d{1,6})([smhdw])");
    private static final Pattern ITEM_ID = Pattern.compile("([A-Za-z]{2,8})-(\\d{1,9})");

    private OptionValues() {
    }

    static Object convert(OptionSpec option, String word, MentionSyntax mentions) {
        return switch (option.type()) {
            case TEXT, NAME -> requireNotBlank(option, word);
            case SWITCH -> Boolean.TRUE;
            case CHOICE -> option.choices().stream()
                    .filter(c -> c.equalsIgnoreCase(word))
                    .findFirst()
                    .orElseThrow(() -> Refusal.badInput("“" + word + "” is not a valid " + option.name()
                            + "; choose " + oneOf(option.choices()) + "."));
            case INTEGER -> integer(option, word);
            case DURATION -> duration(word).orElseThrow(() -> Refusal.badInput("“" + word
                    + "” is not a duration; write it like 30m, 2h, 1d or 1h30m."));
            case USER -> mentions.user(word).orElseThrow(
                    () -> Refusal.badInput("“" + word + "” is not a person; mention them, like @alice."));
            case USERS -> users(word, mentions);
            case HOLDER -> mentions.group(word).<Object>map(g -> g).or(() -> mentions.user(word)).orElseThrow(
                    () -> Refusal.badInput("“" + word + "” is not a person or a group; mention them, like @alice."));
            case CHANNEL -> mentions.channel(word).orElseThrow(
                    () -> Refusal.badInput("“" + word + "” is not a channel; write it like #ops."));
            case ITEM -> itemId(option, word);
            case ZONE -> zone(word);
        };
    }

    static String requireNotBlank(OptionSpec option, String word) {
        if (word.isBlank()) {
            throw Refusal.badInput("The " + option.name() + " cannot be empty.");
        }
        return word;
    }

    private static Long integer(OptionSpec option, String word) {
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw Refusal.badInput("“" + word + "” is not a whole number for " + option.name() + ".");
        }
    }

    private static List<Actor> users(String word, MentionSyntax mentions) {
        List<Actor> people = new ArrayList<>();
        for (String part : word.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            people.add(mentions.user(part.strip()).orElseThrow(
                    () -> Refusal.badInput("“" + part.strip() + "” is not a person; mention them, like @alice.")));
        }
        if (people.isEmpty()) {
            throw Refusal.badInput("Name at least one person, like @alice,@bob.");
        }
        return List.copyOf(people);
    }

    private static String itemId(OptionSpec option, String word) {
        Matcher m = ITEM_ID.matcher(word);
        if (!m.matches()) {
            throw Refusal.badInput("“" + word + "” is not an id like " + example(option) + ".");
        }
        String prefix = m.group(1).toUpperCase(Locale.ROOT);
        if (!option.itemPrefixes().isEmpty() && !option.itemPrefixes().contains(prefix)) {
            throw Refusal.badInput("“" + word + "” is not an id like " + example(option) + ".");
        }
        return prefix + "-" + Long.parseLong(m.group(2));
    }

    private static ZoneId zone(String word) {
        try {
            return ZoneId.of(word);
        } catch (DateTimeException e) {
            throw Refusal.badInput("“" + word + "” is not a time zone; write it like Europe/London or UTC.");
        }
    }

    /** Parses 30m, 2h, 1d, 1w and combinations such as 1h30m. */
    private static Optional<Duration> duration(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        Matcher m = DURATION_PART.matcher(w);
        Duration total = Duration.ZERO;
        int at = 0;
        while (m.find()) {
            if (m.start() != at) {
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            });
            at = m.end();
        }
        if (at == 0 || at != w.length() || total.isZero()) {
            return Optional.empty();
        }
        return Optional.of(total);
    }

    private static String example(OptionSpec option) {
        return option.itemPrefixes().isEmpty() ? "INC-42" : option.itemPrefixes().get(0) + "-42";
    }

    private static String oneOf(List<String> choices) {
        if (choices.size() == 1) {
            return choices.get(0);
        }
        return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
    }
}
