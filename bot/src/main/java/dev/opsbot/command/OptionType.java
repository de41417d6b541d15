package dev.opsbot.command;

/** The kinds of value a command option takes; each adapter maps them to its platform's types. */
public enum OptionType {
    /** Free text; the last positional text option takes the rest of the line. */
    TEXT,
    /**
     * One word, such as a service name or {@code 09:00}; never takes the rest of the line, so a
     * stray word after it is refused as unexpected. Quotes make several words one.
     */
    NAME,
    /** One of a fixed set of words, such as a severity. */
    CHOICE,
    INTEGER,
    /** A span such as {@code 30m}, {@code 2h}, {@code 1d}, {@code 1w}, {@code 1h30m}. */
    DURATION,
    /** A person, written in the platform's mention syntax. */
    USER,
    /**
     * A person or a chat group (a Discord role, a Slack user group), as the platform mentions
     * them; the value is an {@link dev.opsbot.chat.Actor} or a {@link dev.opsbot.chat.ChatGroup}.
     */
    HOLDER,
    /** Several people separated by commas. */
    USERS,
    CHANNEL,
    /** A human id such as {@code INC-42}; the option names the prefix it accepts. */
    ITEM,
    /** A named yes/no switch written without a value, such as {@code --open}. */
    SWITCH,
    /** An IANA time zone such as {@code Europe/London}. */
    ZONE
}
