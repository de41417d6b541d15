package dev.opsbot.command;

import java.util.List;

/**
 * One option of a command. Positional options are read in declaration order; named ones are
 * written {@code --name value}. {@code itemPrefixes} lists the id prefixes an ITEM option accepts
 * (empty: any); {@code suggest} names the kind of value adapters may autocomplete.
 */
public record OptionSpec(
        String name,
        OptionType type,
        String description,
        boolean required,
        boolean positional,
        List<String> choices,
        List<String> itemPrefixes,
        Suggest suggest) {

    public OptionSpec {
        choices = List.copyOf(choices);
        itemPrefixes = List.copyOf(itemPrefixes);
    }

    /** What an adapter can offer while the user types this option. */
    public enum Suggest { NONE, OPEN_ITEMS, SERVICES, ASSETS }

    public static OptionSpec positional(String name, OptionType type, String description) {
        return new OptionSpec(name, type, description, true, true, List.of(), List.of(), Suggest.NONE);
    }

    public static OptionSpec optionalPositional(String name, OptionType type, String description) {
        return new OptionSpec(name, type, description, false, true, List.of(), List.of(), Suggest.NONE);
    }

    public static OptionSpec flag(String name, OptionType type, String description) {
        return new OptionSpec(name, type, description, false, false, List.of(), List.of(), Suggest.NONE);
    }

    public static OptionSpec requiredFlag(String name, OptionType type, String description) {
        return new OptionSpec(name, type, description, true, false, List.of(), List.of(), Suggest.NONE);
    }

    public static OptionSpec toggle(String name, String description) {
        return new OptionSpec(name, OptionType.SWITCH, description, false, false, List.of(), List.of(), Suggest.NONE);
    }

    public static OptionSpec item(String name, String description, String... prefixes) {
        return new OptionSpec(name, OptionType.ITEM, description, true, true, List.of(), List.of(prefixes),
                Suggest.OPEN_ITEMS);
    }

    public static OptionSpec choice(String name, String description, List<String> choices) {
        return new OptionSpec(name, OptionType.CHOICE, description, true, true, choices, List.of(), Suggest.NONE);
    }

    public OptionSpec optional() {
        return new OptionSpec(name, type, description, false, positional, choices, itemPrefixes, suggest);
    }

    public OptionSpec suggesting(Suggest kind) {
        return new OptionSpec(name, type, description, required, positional, choices, itemPrefixes, kind);
    }

    /** How the option reads in a usage line. */
    public String usage() {
        String value = switch (type) {
            case CHOICE -> String.join("|", choices);
            case USER -> "@user";
            case USERS -> "@a,@b";
            case HOLDER -> "@user|@group:name";
            case CHANNEL -> "#channel";
            case ITEM -> itemPrefixes.isEmpty() ? name : itemPrefixes.get(0) + "-N";
            case DURATION -> "duration";
            case ZONE -> "zone";
            default -> name;
        };
        if (positional) {
            return required ? "<" + value + ">" : "[" + value + "]";
        }
        String body = type == OptionType.SWITCH ? "--" + name : "--" + name + " <" + value + ">";
        return required ? body : "[" + body + "]";
    }
}
