package dev.opsbot.alert;

import dev.opsbot.command.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition of a route: {@code label=value}, or {@code label=~regex} matched against the
 * whole value as Prometheus matches. A label an alert does not carry has the empty value.
 */
public record LabelMatch(String label, boolean regex, String value) {

    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(label, "");
        return regex ? Pattern.compile(value).matcher(actual).matches() : value.equals(actual);
    }

    @Override
    public String toString() {
        return label + (regex ? "=~" : "=") + value;
    }

    /** Reads {@code a=b,c=~x.*}; refuses with a sentence a person can act on. */
    public static List<LabelMatch> parseAll(String text) {
        List<LabelMatch> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (!p.isEmpty()) {
                out.add(parse(p));
            }
        }
        if (out.isEmpty()) {
            throw Refusal.badInput("Give at least one label to match, e.g. --match alertname=HighLatency.");
        }
        return List.copyOf(out);
    }

    private static LabelMatch parse(String part) {
        int eq = part.indexOf('=');
        if (eq <= 0) {
            throw Refusal.badInput("“" + part + "” is not label=value or label=~regex.");
        }
        String label = part.substring(0, eq).strip();
        boolean regex = part.startsWith("=~", eq);
        String value = part.substring(eq + (regex ? 2 : 1)).strip();
        if (!LABEL.matcher(label).matches()) {
            throw Refusal.badInput("“" + label + "” is not a label name (letters, digits and _).");
        }
        if (regex) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw Refusal.badInput("“" + value + "” is not a regular expression.");
            }
        }
        return new LabelMatch(label, regex, value);
    }
}
