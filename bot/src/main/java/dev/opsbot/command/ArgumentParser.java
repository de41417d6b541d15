package dev.opsbot.command;

import dev.opsbot.chat.Inline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the words after {@code /root sub} against a command's options. Every error names the bad word. */
final class ArgumentParser {

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
                values.put(option.name(), OptionValues.convert(option, value, mentions));
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
            values.put(option.name(), OptionValues.convert(option, value, mentions));
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
                // The final free-text option takes the rest, so titles need no quotes; a NAME never does.
                values.put(slot.name(), OptionValues.requireNotBlank(slot, String.join(" ", loose.subList(next, loose.size()))));
                next = loose.size();
            } else {
                values.put(slot.name(), OptionValues.convert(slot, loose.get(next++), mentions));
            }
        }
        if (next < loose.size()) {
            throw Refusal.badInput("I did not expect “" + loose.get(next) + "” there.");
        }
    }

    private static String describe(OptionSpec option) {
        return option.positional() ? option.usage().replace("[", "<").replace("]", ">") : "--" + option.name();
    }
}
