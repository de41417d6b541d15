package dev.opsbot.command;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an invocation into a reply: finds the command in the catalog, parses and validates the
 * arguments, and calls the feature's handler. Bad input never reaches a handler; a refusal
 * becomes a private reply; an internal failure becomes an apology with a reference id that
 * matches the log line.
 */
public final class CommandRouter {

    private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

    private final CommandCatalog catalog;
    private final Map<String, CommandRoot.Binding<?>> bindings = new HashMap<>();
    private final Map<Platform, MentionSyntax> mentions = new EnumMap<>(Platform.class);
    private final HandledRequests handled;
    private final Clock clock;
    private AccessPolicy access = AccessPolicy.OPEN;
    private Function<ChannelRef, ZoneId> zoneOf = channel -> ZoneOffset.UTC;

    public CommandRouter(List<CommandRoot.Binding<?>> bound, HandledRequests handled, Clock clock) {
        this.catalog = new CommandCatalog(bound.stream().<CommandRoot<?>>map(CommandRoot.Binding::root).toList());
        bound.forEach(b -> bindings.put(b.root().name(), b));
        this.handled = handled;
        this.clock = clock;
        for (Platform p : Platform.values()) {
            mentions.put(p, new PlainMentions(p));
        }
    }

    /** Adapters register how their platform writes people and channels. */
    public void useMentions(Platform platform, MentionSyntax syntax) {
        mentions.put(platform, syntax);
    }

    /** Turns roles on: every command is checked against {@code policy} before its handler runs. */
    public void useAccess(AccessPolicy policy) {
        access = policy;
    }

    /** How a channel reads times (its own zone, else the team's); UTC everywhere until called. */
    public void useZones(Function<ChannelRef, ZoneId> zones) {
        zoneOf = zones;
    }

    public CommandCatalog catalog() {
        return catalog;
    }

    public Clock clock() {
        return clock;
    }

    public Reply handle(Invocation invocation) {
        Usage usage = new Usage();
        try {
            usage.line = roughUsage(invocation.line());
            List<Tokens.Word> words = Tokens.words(invocation.line());
            String root = words.isEmpty() ? "help" : words.get(0).text().replaceFirst("^/", "");
            String sub = words.size() > 1 ? words.get(1).text() : null;
            List<Tokens.Word> rest = words.size() > 2 ? words.subList(2, words.size()) : List.of();
            List<Tokens.Word> afterRoot = words.size() > 1 ? words.subList(1, words.size()) : List.of();
            return route(invocation, root, sub, usage, (spec, syntax) ->
                    ArgumentParser.parse(spec, spec.name().equalsIgnoreCase(sub) ? rest : afterRoot, syntax));
        } catch (RuntimeException failure) {
            return failed(invocation, usage, failure);
        }
    }

    /**
     * The same path for platforms that deliver option values already split by name (Discord
     * slash commands): nothing is tokenised, everything else — conversion, validation, refusals,
     * duplicate detection — is shared with {@link #handle(Invocation)}. {@code invocation.line()}
     * is only for logs; a null or "help" {@code sub} answers with the root's help.
     */
    public Reply handle(Invocation invocation, String root, String sub, Map<String, String> options) {
        Usage usage = new Usage();
        try {
            // Values delivered by name skip Tokens, so they are normalised here as a typed line is.
            return route(invocation, TypedText.normalise(root), sub == null ? null : TypedText.normalise(sub), usage,
                    (spec, syntax) -> ArgumentParser.parseNamed(spec, TypedText.normalise(options), syntax));
        } catch (RuntimeException failure) {
            return failed(invocation, usage, failure);
        }
    }

    private Reply route(Invocation invocation, String rootTyped, String subTyped, Usage usage,
            BiFunction<CommandSpec<?>, MentionSyntax, Arguments> read) {
        String rootName = rootTyped.toLowerCase(Locale.ROOT);
        CommandCatalog.Shown shown = (r, c) -> access.mayRunSomewhere(invocation.actor(), c.permission(r.name()));
        if (rootName.equals("help")) {
            // "/help incident" reads as "/incident help".
            return subTyped == null ? catalog.help(shown)
                    : catalog.root(subTyped.replaceFirst("^/", "").toLowerCase(Locale.ROOT))
                            .map(r -> CommandCatalog.help(r, shown)).orElseGet(() -> catalog.help(shown));
        }
        CommandRoot<?> root = catalog.root(rootName).orElse(null);
        if (root == null) {
            String hint = catalog.nearestRoot(rootName).map(n -> " Did you mean /" + n + "?").orElse("");
            return Reply.refusal("There is no command /" + rootName + "." + hint, "/help");
        }
        if (subTyped == null ? root.fallback() == null : subTyped.equalsIgnoreCase("help")) {
            return CommandCatalog.help(root, shown);
        }
        String subName = subTyped == null ? root.fallback() : subTyped.toLowerCase(Locale.ROOT);
        CommandSpec<?> spec = root.command(subName).orElse(null);
        if (spec == null && root.fallback() != null && CommandCatalog.nearestCommand(root, subName).isEmpty()) {
            // A word that is no subcommand and resembles none is the default subcommand's argument.
            spec = root.command(root.fallback()).orElse(null);
        }
        if (spec == null) {
            String hint = CommandCatalog.nearestCommand(root, subName)
                    .map(n -> " Did you mean /" + root.name() + " " + n + "?").orElse("");
            return Reply.refusal("/" + root.name() + " has no subcommand “" + subName + "”." + hint,
                    CommandCatalog.usageList(root));
        }
        usage.line = spec.usage(root.name());
        Arguments args = read.apply(spec, mentions.get(invocation.actor().platform()));
        Instant now = clock.instant();
        CommandCall call = new CommandCall(invocation, root.name(), spec, args, now,
                zoneOf.apply(invocation.channel()));
        if (access.decide(call) instanceof AccessPolicy.Denied denied) {
            return Reply.refusal(denied.sentence(), null);
        }
        boolean remembered = invocation.requestId() != null && !spec.readsOnly();
        if (remembered && !handled.firstTime(invocation.requestId(), now)) {
            return Reply.note("That request was already handled.");
        }
        try {
            return bindings.get(root.name()).run(spec, call);
        } catch (RuntimeException failure) {
            // Neither a failure nor a refusal carried the request out: a refusal is thrown before
            // anything is written, and may depend on who asked or on the state, so the same
            // request (the right person's click, a retry after the state changed) may run later.
            if (remembered) {
                handled.forget(invocation.requestId());
            }
            throw failure;
        }
    }

    private Reply failed(Invocation invocation, Usage usage, RuntimeException failure) {
        if (failure instanceof Refusal refusal) {
            return Reply.refusal(refusal.getMessage(), refusal.showUsage() ? usage.line : null);
        }
        return apology("command failed actor=" + invocation.actor().key() + " line=" + invocation.line(), failure);
    }

    /**
     * What a person sees when something failed on opsbot's side, in the router or in an adapter
     * around it: a short apology whose ref matches the error logged here with {@code what}.
     */
    public static Reply apology(String what, Throwable failure) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        log.error("{} ref={}", what, ref, failure);
        return Reply.refusal("Sorry, that failed on our side (ref " + ref + "). Try again, "
                + "or give the ref to whoever runs opsbot.", null);
    }

    /** The usage line read from the first two plain words, so even an unsplittable line gets one. */
    private String roughUsage(String line) {
        String[] words = line.strip().split("\\s+", 3);
        if (words.length < 2) {
            return null;
        }
        return catalog.root(words[0].replaceFirst("^/", "").toLowerCase(Locale.ROOT))
                .flatMap(root -> root.command(words[1].toLowerCase(Locale.ROOT)).map(spec -> spec.usage(root.name())))
                .orElse(null);
    }

    /** The usage line of the command being run, once known, for the refusal that may follow. */
    private static final class Usage {
        private String line;
    }
}
