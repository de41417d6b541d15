package dev.opsbot.asset;

import dev.opsbot.chat.Actor;
import dev.opsbot.command.Refusal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A configuration item as people declared it. {@code owner} is never null: whoever added it owns
 * it until a handover is accepted. Optional words ({@code site}, {@code rack}, {@code service},
 * {@code address}) are null when not declared. What probes observed is kept elsewhere
 * ({@link AssetObservations}), so a check never rewrites a declaration.
 */
public record Asset(String name, String type, String env, String state, String site, String rack, Actor owner,
        String service, String address, List<String> probes, Map<String, String> tags, Actor addedBy,
        Instant addedAt) {

    /** The names people use, such as db-01 or lb-fra1-2; lower case so one asset has one spelling. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");
    public static final List<String> TYPES = List.of("server", "vm", "container", "database", "network", "storage",
            "endpoint", "certificate", "other");
    public static final List<String> ENVS = List.of("prod", "staging", "dev");
    public static final List<String> STATES = List.of("planned", "active", "maintenance", "offline", "retired");
    /** What a probe may start with; the probes feature decides how each is run. */
    public static final List<String> PROBE_SCHEMES = List.of("tcp://", "http://", "https://", "tls://", "dns://",
            "prom:");
    /** The fields {@code /asset set} changes; the owner changes hands through {@code /owner} only. */
    public static final List<String> SETTABLE = List.of("type", "env", "state", "site", "rack", "service", "address",
            "probe", "tag");

    private static final Pattern WORD = Pattern.compile("[^\\s,=]{1,80}");
    private static final Pattern TAG_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
    /** A new probe starts where whitespace is followed by a scheme, so a PromQL query may hold spaces. */
    private static final Pattern PROBE_BREAK = Pattern.compile("\\s+(?=(?:tcp|https?|tls|dns)://|prom:)");

    public Asset {
        probes = List.copyOf(probes);
        tags = Map.copyOf(tags);
    }

    /** A new asset, with every declared value checked; refuses with one sentence naming the bad value. */
    public static Asset declare(String name, String type, String env, String state, String site, String rack,
            Actor owner, String service, String address, List<String> probes, Map<String, String> tags, Actor by,
            Instant now) {
        return new Asset(requireName(name), oneOf("type", type, TYPES), oneOf("env", env, ENVS),
                state == null ? "active" : oneOf("state", state, STATES), word("site", site), word("rack", rack),
                owner == null ? by : owner, service == null ? null : service.toLowerCase(Locale.ROOT),
                address(address), probes.stream().map(Asset::probe).toList(), tags, by, now);
    }

    public static String requireName(String typed) {
        String name = typed.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw Refusal.badInput("“" + typed + "” is not an asset name; use 2 to 63 lower-case letters, digits, "
                    + "dots, dashes or underscores, like db-01.");
        }
        return name;
    }

    /**
     * The asset with one field changed to {@code value} as typed; "-" clears an optional field.
     * {@code probe} and {@code tag} replace the whole list, written as on {@code /asset add}.
     */
    public Asset with(String field, String value) {
        String v = value == null || value.isBlank() || value.strip().equals("-") ? null : value.strip();
        return switch (field) {
            case "type" -> copy(oneOf("type", required(field, v), TYPES), env, state, site, rack, service, address,
                    probes, tags);
            case "env" -> copy(type, oneOf("env", required(field, v), ENVS), state, site, rack, service, address,
                    probes, tags);
            case "state" -> copy(type, env, oneOf("state", required(field, v), STATES), site, rack, service, address,
                    probes, tags);
            case "site" -> copy(type, env, state, word("site", v), rack, service, address, probes, tags);
            case "rack" -> copy(type, env, state, site, word("rack", v), service, address, probes, tags);
            case "service" -> copy(type, env, state, site, rack, v == null ? null : v.toLowerCase(Locale.ROOT),
                    address, probes, tags);
            case "address" -> copy(type, env, state, site, rack, service, address(v), probes, tags);
            case "probe" -> copy(type, env, state, site, rack, service, address,
                    probes(v).stream().map(Asset::probe).toList(), tags);
            case "tag" -> copy(type, env, state, site, rack, service, address, probes, tags(v));
            default -> throw Refusal.badInput("“" + field + "” is not a field of an asset; set one of "
                    + String.join(", ", SETTABLE) + ".");
        };
    }

    public Asset withOwner(Actor newOwner) {
        return new Asset(name, type, env, state, site, rack, newOwner, service, address, probes, tags, addedBy,
                addedAt);
    }

    /** How a field reads in the audit log and in a change's before/after. */
    public String value(String field) {
        Object v = switch (field) {
            case "type" -> type;
            case "env" -> env;
            case "state" -> state;
            case "site" -> site;
            case "rack" -> rack;
            case "service" -> service;
            case "address" -> address;
            case "probe" -> probes.isEmpty() ? null : String.join(" ", probes);
            case "tag" -> tags.isEmpty() ? null : tagText(tags);
            case "owner" -> owner.key();
            default -> throw new IllegalArgumentException(field);
        };
        return v == null ? "-" : v.toString();
    }

    /** Whether two declarations say the same, whoever added them and when. */
    public boolean sameDeclaration(Asset other) {
        return SETTABLE.stream().allMatch(f -> value(f).equals(other.value(f))) && owner.sameAs(other.owner);
    }

    /** Probes as typed on one line: each starts with its scheme, so spaces inside a PromQL query stay. */
    public static List<String> probes(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(PROBE_BREAK.split(typed.strip())).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** Tags typed as {@code key=value}, several separated by spaces or commas. */
    public static Map<String, String> tags(String typed) {
        Map<String, String> out = new LinkedHashMap<>();
        if (typed == null || typed.isBlank()) {
            return out;
        }
        for (String pair : typed.strip().split("[\\s,]+")) {
            int eq = pair.indexOf('=');
            String key = eq > 0 ? pair.substring(0, eq).toLowerCase(Locale.ROOT) : "";
            String val = eq > 0 ? pair.substring(eq + 1) : "";
            if (!TAG_KEY.matcher(key).matches() || !WORD.matcher(val).matches()) {
                throw Refusal.badInput("“" + pair + "” is not a tag; write it like role=primary.");
            }
            out.put(key, val);
        }
        return out;
    }

    public static String tagText(Map<String, String> tags) {
        return String.join(" ", tags.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private Asset copy(String type, String env, String state, String site, String rack, String service,
            String address, List<String> probes, Map<String, String> tags) {
        return new Asset(name, type, env, state, site, rack, owner, service, address, probes, tags, addedBy, addedAt);
    }

    private static String probe(String typed) {
        String p = typed.strip();
        if (PROBE_SCHEMES.stream().noneMatch(s -> p.toLowerCase(Locale.ROOT).startsWith(s) && p.length() > s.length())
                || p.length() > 500) {
            throw Refusal.badInput("“" + p + "” is not a probe; start it with tcp://, http://, https://, tls://, "
                    + "dns:// or prom:.");
        }
        return p;
    }

    private static String oneOf(String what, String typed, List<String> allowed) {
        String v = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw Refusal.badInput("“" + typed + "” is not a " + what + "; use " + String.join(", ", allowed) + ".");
        }
        return v;
    }

    private static String word(String what, String typed) {
        if (typed == null) {
            return null;
        }
        if (!WORD.matcher(typed.strip()).matches()) {
            throw Refusal.badInput("“" + typed + "” is not a " + what + "; use one word, like fra1.");
        }
        return typed.strip();
    }

    private static String required(String field, String v) {
        if (v == null) {
            throw Refusal.badInput("An asset always has a " + field + "; it cannot be cleared.");
        }
        return v;
    }

    private static String address(String typed) {
        if (typed == null) {
            return null;
        }
        String a = typed.strip();
        if (a.length() > 300 || a.chars().anyMatch(Character::isWhitespace)) {
            throw Refusal.badInput("“" + typed + "” is not an address; write it like db-01:5432 or https://host/path.");
        }
        return a;
    }
}
