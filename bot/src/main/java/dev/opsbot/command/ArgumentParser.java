package dev.opsbot.command;

import dev.opsbot.chat.Inline;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the words after {@code /root sub} against a command's options. Every error names the bad word. */
final class ArgumentParser {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d{1,6})([smhdw])");
    private static final Pattern ITEM_ID = Pattern.compile("([A-Za-z]{2,8})-(\\d{1,9})");

    private ArgumentParser() {
    }

    static Arguments parse(CommandSpec<?> spec, List<Tokens.Word> words, MentionSyntax mentions) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> loose = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i).text();
            if (!words.get(i).quoted() && word.startsWith("--") && word.length() > 2) {
                String name = word.substring(2).toLowerCase(Locale.ROOT);
                String inlineValue = null;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    inlineValue = word.substring(2 + eq + 1);
                    name = name.substring(0, eq);
                }
                String optionName = name;
                OptionSpec option = spec.option(optionName).orElseThrow(
                        () -> Refusal.badInput("There is no option --" + optionName + " for this command."));
                if (values.containsKey(option.name())) {
                    throw Refusal.badInput("The option --" + option.name() + " is given twice.");
                }
                if (option.type() == OptionType.SWITCH) {
                    if (inlineValue != null) {
                        throw Refusal.badInput("The switch --" + option.name() + " takes no value; write just --"
                                + option.name() + ".");
                    }
                    values.put(option.name(), Boolean.TRUE);
                    continue;
                }
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= words.size()) {
                        throw Refusal.badInput("The option --" + option.name() + " needs a value.");
                    }
                    value = words.get(++i).text();
                }
                values.put(option.name(), convert(option, value, mentions));
            } else {
                loose.add(word);
            }
        }
        assignPositionals(spec, loose, values, mentions);
        return complete(spec, values);
    }

    /**
     * Reads values already split by option name, as Discord delivers them. Each value is converted
     * exactly as a typed word would be; a switch is on for "true" and left out for "false".
     */
    static Arguments parseNamed(CommandSpec<?> spec, Map<String, String> given, MentionSyntax mentions) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            OptionSpec option = spec.option(name).orElseThrow(
                    () -> Refusal.badInput("There is no option " + name + " for this command."));
            if (entry.getValue() == null) {
                continue;
            }
            String value = Inline.clean(entry.getValue()).strip();
            if (option.type() == OptionType.SWITCH) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw Refusal.badInput("“" + value + "” is not true or false for " + option.name() + ".");
                }
                if (value.equalsIgnoreCase("true")) {
                    values.put(option.name(), Boolean.TRUE);
                }
                continue;
            }
            values.put(option.name(), convert(option, value, mentions));
        }
        return complete(spec, values);
    }

    private static Arguments complete(CommandSpec<?> spec, Map<String, Object> values) {
        for (OptionSpec option : spec.options()) {
            if (option.required() && !values.containsKey(option.name())) {
                throw Refusal.badInput("Missing " + describe(option) + ".");
            }
        }
        return new Arguments(values);
    }

    private static void assignPositionals(CommandSpec<?> spec, List<String> loose, Map<String, Object> values,
            MentionSyntax mentions) {
        List<OptionSpec> slots = spec.positionals().stream().filter(o -> !values.containsKey(o.name())).toList();
        int next = 0;
        for (int s = 0; s < slots.size() && next < loose.size(); s++) {
            OptionSpec slot = slots.get(s);
            boolean last = s == slots.size() - 1;
            if (last && slot.type() == OptionType.TEXT) {
                // The final free-text option takes the rest, so titles need no quotes.
                values.put(slot.name(), requireNotBlank(slot, String.join(" ", loose.subList(next, loose.size()))));
                next = loose.size();
            } else {
                values.put(slot.name(), convert(slot, loose.get(next++), mentions));
            }
        }
        if (next < loose.size()) {
            throw Refusal.badInput("I did not expect “" + loose.get(next) + "” there.");
        }
    }

    static Object convert(OptionSpec option, String word, MentionSyntax mentions) {
        return switch (option.type()) {
            case TEXT -> requireNotBlank(option, word);
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
            case CHANNEL -> mentions.channel(word).orElseThrow(
                    () -> Refusal.badInput("“" + word + "” is not a channel; write it like #ops."));
            case ITEM -> itemId(option, word);
            case ZONE -> zone(word);
        };
    }

    private static String requireNotBlank(OptionSpec option, String word) {
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

    private static List<dev.opsbot.chat.Actor> users(String word, MentionSyntax mentions) {
        List<dev.opsbot.chat.Actor> people = new ArrayList<>();
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
    public static java.util.Optional<Duration> duration(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        Matcher m = DURATION_PART.matcher(w);
        Duration total = Duration.ZERO;
        int at = 0;
        while (m.find()) {
            if (m.start() != at) {
                return java.util.Optional.empty();
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
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(total);
    }

    private static String example(OptionSpec option) {
        return option.itemPrefixes().isEmpty() ? "INC-42" : option.itemPrefixes().get(0) + "-42";
    }

    private static String describe(OptionSpec option) {
        return option.positional() ? option.usage().replace("[", "<").replace("]", ">") : "--" + option.name();
    }

    static String oneOf(List<String> choices) {
        if (choices.size() == 1) {
            return choices.get(0);
        }
        return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
    }
}
