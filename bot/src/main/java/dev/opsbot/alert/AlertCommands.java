package dev.opsbot.alert;

import static dev.opsbot.command.OptionSpec.choice;
import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.optionalPositional;
import static dev.opsbot.command.OptionSpec.positional;
import static dev.opsbot.command.OptionSpec.toggle;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Refusal;
import dev.opsbot.incident.Severity;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import dev.opsbot.store.Counters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code /alert}: the firing groups, the routes alerts take, and the heartbeats opsbot expects. */
public final class AlertCommands {

    private static final Pattern ONE_WORD = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Duration SHORTEST_BEAT = Duration.ofMinutes(1);
    private static final Duration LONGEST_BEAT = Duration.ofDays(1);
    private static final int SHOWN = 20;
    private static final OptionSpec SERVICE = flag("service", OptionType.NAME, "The service its incidents are on")
            .suggesting(OptionSpec.Suggest.SERVICES);

    public static final CommandRoot<AlertCommands> ROOT = CommandRoot.of("alert",
            "Alerts from Alertmanager: firing groups, routes and heartbeats",
            CommandSpec.of("list", "Firing alert groups, their incidents and last delivery", AlertCommands::list)
                    .readOnly(),
            CommandSpec.of("route", "Add, list or remove the routes alerts take (first match wins)",
                    AlertCommands::route)
                    .with(choice("action", "add, list or remove", List.of("add", "list", "remove")),
                            optionalPositional("name", OptionType.NAME, "The route's name"),
                            flag("match", OptionType.NAME, "Labels to match: label=value,label=~regex"), SERVICE,
                            new OptionSpec("severity", OptionType.CHOICE, "Severity of its incidents", false, false,
                                    Severity.WORDS, List.of(), OptionSpec.Suggest.NONE),
                            new OptionSpec("mode", OptionType.CHOICE, "incident (default) or notify", false, false,
                                    AlertRoute.Mode.WORDS, List.of(), OptionSpec.Suggest.NONE),
                            toggle("auto-resolve", "Resolve its incidents when every alert resolves"))
                    .example("/alert route add payments-latency --match alertname=HighLatency,env=~prod.* "
                            + "--service payments --severity sev2"),
            CommandSpec.of("heartbeat", "Expect an always-firing alert at least this often", AlertCommands::heartbeat)
                    .with(positional("name", OptionType.NAME, "The alert's name, e.g. Watchdog"),
                            flag("every", OptionType.DURATION, "How often it arrives, 1m to 1d, e.g. 5m"), SERVICE,
                            toggle("off", "Stop expecting it"))
                    .example("/alert heartbeat Watchdog --every 5m"));

    private final AlertGroups groups;
    private final AlertRoutes routes;
    private final Heartbeats heartbeats;
    private final Counters counters;
    private final AuditLog audit;

    public AlertCommands(AlertGroups groups, AlertRoutes routes, Heartbeats heartbeats, Counters counters,
            AuditLog audit) {
        this.groups = groups;
        this.routes = routes;
        this.heartbeats = heartbeats;
        this.counters = counters;
        this.audit = audit;
    }

    Reply list(CommandCall call) {
        List<AlertGroup> firing = groups.firing(SHOWN);
        List<String> rows = new ArrayList<>();
        for (AlertGroup g : firing) {
            rows.add(Inline.strong(g.title()) + " · " + g.firing() + " firing"
                    + (g.service() == null ? "" : " · " + g.service())
                    + " · " + (g.incidentId() != null ? g.incidentId()
                            : g.expectedDuring() != null ? "expected during " + g.expectedDuring() : "notified only")
                    + " · last delivery " + TimeText.at(g.lastDeliveryAt(), call.zone(), call.now()));
        }
        for (Heartbeat h : heartbeats.all()) {
            rows.add("Heartbeat " + Inline.strong(h.name()) + " every " + TimeText.span(h.every()) + " · last heard "
                    + TimeText.at(h.lastSeen(), call.zone(), call.now())
                    + (h.silentIncident() == null ? "" : " · silent, " + h.silentIncident()));
        }
        String title = firing.isEmpty() ? "No alert group is firing"
                : firing.size() + (firing.size() == 1 ? " alert group firing" : " alert groups firing")
                        + (firing.size() == SHOWN ? " (the " + SHOWN + " delivered last)" : "");
        return Reply.onlyMe(title).rows(rows).build();
    }

    Reply route(CommandCall call) {
        var args = call.args();
        String action = args.text("action");
        if (action.equals("list")) {
            List<AlertRoute> all = routes.inOrder();
            if (all.isEmpty()) {
                return Reply.note("There are no alert routes; alerts go by their service and severity labels, "
                        + "then by the asset their instance names.");
            }
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                AlertRoute r = all.get(i);
                rows.add((i + 1) + ". " + Inline.strong(r.name()) + " · "
                        + String.join(",", r.matchers().stream().map(LabelMatch::toString).toList()) + " → "
                        + r.service() + " · " + (r.severity() == null ? "severity label" : r.severity().word())
                        + " · " + r.mode().word() + (r.autoResolve() ? " · auto-resolve" : ""));
            }
            return Reply.onlyMe(all.size() + (all.size() == 1 ? " alert route" : " alert routes") + ", first match wins")
                    .rows(rows).build();
        }
        String name = args.optionalText("name").orElseThrow(() -> Refusal.badInput("Name the route."));
        requireWord(name, "A route name");
        if (action.equals("remove")) {
            if (!routes.remove(name)) {
                throw Refusal.badInput("There is no alert route " + name + "; /alert route list shows them.");
            }
            audit.append(new AuditEntry(call.now(), call.actor(), "alert.route.remove", "route:" + name, name, ""));
            return Reply.toChannel("Alert route " + Inline.strong(name) + " removed").build();
        }
        List<LabelMatch> matchers = LabelMatch.parseAll(args.optionalText("match")
                .orElseThrow(() -> Refusal.badInput("Say which alerts the route takes with --match label=value.")));
        String service = args.optionalText("service")
                .orElseThrow(() -> Refusal.badInput("Say which service the route's alerts are on with --service."))
                .toLowerCase(Locale.ROOT);
        requireWord(service, "A service name");
        Severity severity = args.optionalText("severity").flatMap(Severity::parse).orElse(null);
        AlertRoute.Mode mode = args.optionalText("mode").map(m -> AlertRoute.Mode.valueOf(m.toUpperCase(Locale.ROOT)))
                .orElse(AlertRoute.Mode.INCIDENT);
        AlertRoute route = new AlertRoute(name, matchers, service, severity, mode, args.flag("auto-resolve"),
                counters.next("alert-route"), call.actor(), call.now());
        if (!routes.add(route)) {
            throw Refusal.because("There is already an alert route " + name + "; remove it first to change it.");
        }
        String described = String.join(",", matchers.stream().map(LabelMatch::toString).toList()) + " → " + service;
        audit.append(new AuditEntry(call.now(), call.actor(), "alert.route.add", "route:" + name, "", described));
        return Reply.toChannel("Alert route " + Inline.strong(name) + " added")
                .text(described + (severity == null ? "" : " as " + severity.word()) + ", "
                        + (mode == AlertRoute.Mode.NOTIFY ? "notifying only" : "opening incidents")
                        + (route.autoResolve() ? ", resolved when every alert resolves" : "") + ".")
                .build();
    }

    Reply heartbeat(CommandCall call) {
        var args = call.args();
        String name = args.text("name");
        requireWord(name, "A heartbeat name");
        if (args.flag("off")) {
            if (!heartbeats.remove(name)) {
                throw Refusal.badInput("opsbot expects no heartbeat " + name + ".");
            }
            audit.append(new AuditEntry(call.now(), call.actor(), "alert.heartbeat.off", "heartbeat:" + name, name, ""));
            return Reply.toChannel("No longer expecting " + Inline.strong(name)).build();
        }
        Duration every = args.optionalDuration("every")
                .orElseThrow(() -> Refusal.badInput("Say how often " + name + " arrives with --every, e.g. 5m."));
        if (every.compareTo(SHORTEST_BEAT) < 0 || every.compareTo(LONGEST_BEAT) > 0) {
            throw Refusal.badInput("--every must be between 1m and 1d.");
        }
        String service = args.optionalText("service").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        heartbeats.set(new Heartbeat(name, every, service, call.now(), null, call.actor()));
        audit.append(new AuditEntry(call.now(), call.actor(), "alert.heartbeat", "heartbeat:" + name, "",
                "every=" + every.toSeconds() + "s"));
        return Reply.toChannel("Expecting " + Inline.strong(name) + " every " + TimeText.span(every))
                .text("If it is silent for " + TimeText.span(every.multipliedBy(2))
                        + ", opsbot declares an incident, once.")
                .build();
    }

    private static void requireWord(String value, String what) {
        if (!ONE_WORD.matcher(value).matches()) {
            throw Refusal.badInput(what + " is one word of letters, digits, _ . : or -, up to 64 characters.");
        }
    }
}
