package dev.opsbot.capacity;

import static dev.opsbot.command.OptionSpec.choice;
import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.optionalPositional;
import static dev.opsbot.command.OptionSpec.positional;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Refusal;
import dev.opsbot.digest.Cadence;
import dev.opsbot.metrics.MetricSource;
import dev.opsbot.metrics.MetricsUnavailable;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code /capacity} command: watches, forecasts, reports and their schedules. */
public final class CapacityCommands {

    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    private static final Pattern SHARE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%?");
    private static final Duration SHORTEST_LOOKBACK = Duration.ofDays(7);
    private static final Duration LONGEST_LOOKBACK = Duration.ofDays(365);
    private static final Duration LONGEST_HORIZON = Duration.ofDays(730);
    private static final OptionSpec SERVICE = flag("service", OptionType.NAME, "Only the watches of this service")
            .suggesting(OptionSpec.Suggest.SERVICES);

    public static final CommandRoot<CapacityCommands> ROOT = CommandRoot.of("capacity",
            "Watch what runs out, forecast when, and post capacity reports",
            CommandSpec.of("watch", "Add, list, show or remove what capacity watches", CapacityCommands::watch)
                    .with(choice("action", "What to do", List.of("add", "list", "show", "remove")),
                            optionalPositional("name", OptionType.NAME, "The watch, e.g. disk-data"),
                            flag("query", OptionType.TEXT, "PromQL giving the usage as one series, in quotes"),
                            flag("max", OptionType.TEXT, "The capacity: a number or PromQL, in the query's unit"),
                            flag("threshold", OptionType.NAME, "Share of the maximum that counts as full, 1% to 100%; 85% if not given"),
                            flag("unit", OptionType.NAME, "How values are shown, e.g. GiB; the query's unit is unchanged"),
                            flag("asset", OptionType.NAME, "The asset it belongs to").suggesting(OptionSpec.Suggest.ASSETS),
                            flag("service", OptionType.NAME, "The service it belongs to").suggesting(OptionSpec.Suggest.SERVICES))
                    .needs("capacity.watch")
                    .example("/capacity watch add disk-data --query 'node_filesystem_size_bytes{mountpoint=\"/data\"} - "
                            + "node_filesystem_avail_bytes{mountpoint=\"/data\"}' --max 'node_filesystem_size_bytes{mountpoint=\"/data\"}' "
                            + "--threshold 85% --unit GiB --service payments"),
            CommandSpec.of("forecast", "When a watch crosses its threshold, with a chart", CapacityCommands::forecast)
                    .readOnly()
                    .with(positional("name", OptionType.NAME, "The watch, e.g. disk-data"),
                            flag("lookback", OptionType.DURATION, "How much history to fit, 7d to 365d; 28d if not given"),
                            flag("horizon", OptionType.DURATION, "How far ahead to look, up to 730d; 90d if not given"))
                    .example("/capacity forecast disk-data --lookback 28d --horizon 90d"),
            CommandSpec.of("report", "Every watch ranked by time left, soonest first", CapacityCommands::report)
                    .readOnly().with(SERVICE)
                    .example("/capacity report --service payments"),
            CommandSpec.of("schedule", "Post the capacity report to a channel on a schedule", CapacityCommands::schedule)
                    .with(positional("channel", OptionType.CHANNEL, "Where the report goes"),
                            choice("cadence", "daily, weekdays, or weekly (Mondays)", Cadence.WORDS),
                            positional("time", OptionType.NAME, "Local time of day, e.g. 09:00"),
                            flag("tz", OptionType.ZONE, "Time zone, e.g. Europe/London (default: the team's)"), SERVICE)
                    .example("/capacity schedule #ops weekly 09:00 --tz Europe/London"),
            CommandSpec.of("unschedule", "Stop a channel's scheduled capacity report", CapacityCommands::unschedule)
                    .with(positional("channel", OptionType.CHANNEL, "The channel"), SERVICE)
                    .example("/capacity unschedule #ops"),
            CommandSpec.of("list", "Show which channels get a capacity report", CapacityCommands::list).readOnly()
                    .example("/capacity list"));

    private final Watches watches;
    private final ReportSchedules schedules;
    private final MetricSource source;
    private final Forecaster forecaster;
    private final CapacityReport report;
    private final AuditLog audit;
    private final ZoneId zone;

    public CapacityCommands(Watches watches, ReportSchedules schedules, MetricSource source, AuditLog audit,
            ZoneId zone) {
        this.watches = watches;
        this.schedules = schedules;
        this.source = source;
        this.forecaster = new Forecaster(source, zone);
        this.report = new CapacityReport(watches, forecaster, zone);
        this.audit = audit;
        this.zone = zone;
    }

    public CapacityReport capacityReport() {
        return report;
    }

    Reply watch(CommandCall call) {
        String action = call.args().text("action");
        if ("list".equals(action)) {
            return listWatches();
        }
        String name = call.args().optionalText("name").orElseThrow(() -> Refusal.badInput(
                "Name the watch to " + action + ", e.g. /capacity watch " + action + " disk-data."));
        return switch (action) {
            case "add" -> add(call, name);
            case "show" -> show(name, call);
            default -> remove(call, name);
        };
    }

    private Reply add(CommandCall call, String name) {
        var args = call.args();
        if (!name.matches(Watch.NAME_PATTERN)) {
            throw Refusal.badInput("A watch name is one word of letters, digits, dots, dashes or underscores, "
                    + "up to 64 characters; “" + name + "” is not.");
        }
        String query = args.optionalText("query").map(String::strip).filter(q -> !q.isEmpty())
                .orElseThrow(() -> Refusal.badInput("A watch needs --query, the PromQL giving its usage."));
        String max = args.optionalText("max").map(String::strip).filter(q -> !q.isEmpty())
                .orElseThrow(() -> Refusal.badInput("A watch needs --max, a number or PromQL for the capacity."));
        double threshold = threshold(args.optionalText("threshold").orElse("85%"));
        Unit unit = args.optionalText("unit").map(u -> Optional.ofNullable(Unit.parse(u)).orElseThrow(() ->
                Refusal.badInput("“" + u + "” is not a unit; write a word such as GiB, MB or connections.")))
                .orElse(Unit.NONE);
        Watch watch = new Watch(name, query, max, threshold, unit, args.optionalText("asset").orElse(""),
                args.optionalText("service").orElse(""), call.actor(), call.now());
        if (watches.find(name).isPresent()) {
            throw Refusal.because("There is already a watch " + name + "; /capacity watch remove " + name
                    + " first to replace it.");
        }
        MetricSource.Sample usage = validated(query, "--query");
        double capacity;
        try {
            capacity = forecaster.capacityOf(watch);
        } catch (MetricsUnavailable e) {
            throw refusal("--max", e);
        }
        if (usage.value() > capacity) {
            throw Refusal.badInput("--max: the usage now (" + unit.show(usage.value()) + ") is above the maximum ("
                    + unit.show(capacity) + "); give the maximum in the query's own unit (--unit only changes the display).");
        }
        if (!watches.add(watch)) {
            throw Refusal.because("There is already a watch " + name + ".");
        }
        audit.append(new AuditEntry(call.now(), call.actor(), "capacity.watch.add", name, "", describe(watch)));
        return Reply.toChannel("Watching " + Inline.strong(name))
                .field("Now", unit.show(usage.value()) + " of " + unit.show(capacity) + " ("
                        + Quantity.plain(100 * usage.value() / capacity) + "%)")
                .field("Threshold", watch.thresholdText() + " (" + unit.show(capacity * threshold) + ")")
                .footer("Added by " + Inline.user(call.actor()) + ". /capacity forecast " + name + " says when it crosses.")
                .tone(Reply.Tone.SUCCESS)
                .build();
    }

    /** The query must give exactly one series now; Prometheus's own complaint is passed on, shortened. */
    private MetricSource.Sample validated(String query, String option) {
        try {
            return source.instant(query);
        } catch (MetricsUnavailable e) {
            throw refusal(option, e);
        }
    }

    /** A query Prometheus refuses is the typist's to fix (bad input); an unreachable server is not. */
    private static Refusal refusal(String option, MetricsUnavailable e) {
        String sentence = e.getMessage();
        boolean typed = sentence.startsWith("Prometheus refused") || sentence.startsWith("The query");
        return typed ? Refusal.badInput(option + ": " + sentence) : Refusal.because(sentence);
    }

    private Reply show(String name, CommandCall call) {
        Watch w = find(name);
        Reply.Builder b = Reply.onlyMe("Watch " + Inline.strong(w.name()))
                .field("Query", w.query())
                .field("Max", w.max())
                .field("Threshold", w.thresholdText());
        if (!w.unit().label().isEmpty()) {
            b.field("Unit", w.unit().label());
        }
        if (!w.service().isEmpty()) {
            b.field("Service", w.service());
        }
        if (!w.asset().isEmpty()) {
            b.field("Asset", w.asset());
        }
        return b.footer("Added by " + Inline.user(w.by()) + " " + TimeText.at(w.since(), call.zone(), call.now()) + ".").build();
    }

    private Reply remove(CommandCall call, String name) {
        Watch removed = watches.remove(name).orElseThrow(() -> unknown(name));
        audit.append(new AuditEntry(call.now(), call.actor(), "capacity.watch.remove", name, describe(removed), ""));
        return Reply.toChannel("Stopped watching " + Inline.strong(name))
                .footer("Removed by " + Inline.user(call.actor()) + ".")
                .build();
    }

    private Reply listWatches() {
        List<Watch> all = watches.all();
        if (all.isEmpty()) {
            return Reply.note("There are no capacity watches yet; add one with /capacity watch add.");
        }
        return Reply.onlyMe(all.size() + (all.size() == 1 ? " watch" : " watches"))
                .rows(all.stream().map(w -> Inline.strong(w.name()) + " — full at " + w.thresholdText()
                        + (w.service().isEmpty() ? "" : " · " + w.service())).toList())
                .footer("/capacity watch show <name> shows a watch's queries.")
                .build();
    }

    Reply forecast(CommandCall call) {
        Watch w = find(call.args().text("name"));
        Duration lookback = call.args().optionalDuration("lookback").orElse(Forecaster.LOOKBACK);
        Duration horizon = call.args().optionalDuration("horizon").orElse(Forecaster.HORIZON);
        if (lookback.compareTo(SHORTEST_LOOKBACK) < 0 || lookback.compareTo(LONGEST_LOOKBACK) > 0) {
            throw Refusal.badInput("--lookback runs from 7d to 365d; a forecast needs at least "
                    + Forecast.FEWEST_DAYS + " days of history.");
        }
        if (horizon.isNegative() || horizon.isZero() || horizon.compareTo(LONGEST_HORIZON) > 0) {
            throw Refusal.badInput("--horizon runs from 1d to 730d.");
        }
        WatchForecast wf;
        try {
            wf = forecaster.forecast(w, call.now(), lookback, horizon);
        } catch (MetricsUnavailable e) {
            throw Refusal.because(e.getMessage());
        }
        ForecastText text = new ForecastText(zone);
        // A forecast is something the team looks at together, so it answers to the channel.
        Reply.Builder b = Reply.toChannel("Capacity: " + Inline.strong(w.name()))
                .text(text.outlook(wf))
                .field("Now", text.now(wf))
                .field("Headroom", text.headroom(wf));
        if (wf.forecast().trend() != null) {
            b.field("Trend", text.trend(wf)).field("Confidence", text.confidence(wf))
                    .image(new ForecastChart(zone).image(wf));
        }
        return b.footer("Daily peaks of the last " + TimeText.span(lookback) + ", looking up to "
                        + TimeText.span(horizon) + " ahead (never more than twice the history).")
                .tone(wf.forecast().lowConfidence() || wf.daysLeft() < 14 ? Reply.Tone.WARNING : Reply.Tone.INFO)
                .build();
    }

    Reply report(CommandCall call) {
        String service = call.args().optionalText("service").orElse(null);
        CapacityReport.Ranking ranking = report.rank(service, call.now());
        String title = "Capacity report" + (service == null ? "" : " for " + service);
        // A ranking is for the whole channel; "nothing to rank" is only for the one who asked.
        return report.reply(ranking, service, ranking.isEmpty() ? Reply.onlyMe(title) : Reply.toChannel(title));
    }

    Reply schedule(CommandCall call) {
        ChannelRef channel = call.args().channel("channel");
        Cadence cadence = Cadence.parse(call.args().text("cadence")).orElseThrow();
        LocalTime at = timeOfDay(call.args().text("time"));
        ZoneId tz = call.args().optionalZone("tz").orElse(zone);
        ReportSchedule s = new ReportSchedule(channel, cadence, at, tz, call.args().optionalText("service").orElse(""),
                call.actor(), call.now(), null);
        Optional<ReportSchedule> before = schedules.save(s);
        audit.append(new AuditEntry(call.now(), call.actor(), "capacity.schedule", s.id(),
                before.map(ReportSchedule::describe).orElse(""), s.describe()));
        return Reply.toChannel("Capacity report for " + Inline.channel(channel))
                .text(Inline.channel(channel) + " gets the capacity report " + s.describe()
                        + before.map(p -> " (was " + p.describe() + ")").orElse("") + ".")
                .field("Next", TimeText.at(s.next(), tz, call.now()))
                .footer("Set by " + Inline.user(call.actor()) + ". /capacity report shows what it says now.")
                .tone(Reply.Tone.SUCCESS)
                .build();
    }

    Reply unschedule(CommandCall call) {
        ChannelRef channel = call.args().channel("channel");
        String service = call.args().optionalText("service").orElse("");
        String id = channel.key() + (service.isEmpty() ? "" : "/" + service);
        ReportSchedule removed = schedules.remove(id).orElseThrow(() -> Refusal.because(Inline.channel(channel)
                + " has no capacity report" + (service.isEmpty() ? "" : " for " + service)
                + "; /capacity list shows which channels do."));
        audit.append(new AuditEntry(call.now(), call.actor(), "capacity.unschedule", id, removed.describe(), ""));
        return Reply.toChannel("Capacity report stopped for " + Inline.channel(channel))
                .text(Inline.channel(channel) + " no longer gets the capacity report (it came " + removed.describe() + ").")
                .footer("Stopped by " + Inline.user(call.actor()) + ".")
                .build();
    }

    Reply list(CommandCall call) {
        List<ReportSchedule> all = schedules.all().stream().sorted(Comparator.comparing(ReportSchedule::id)).toList();
        if (all.isEmpty()) {
            return Reply.note("No channel gets a capacity report yet; /capacity schedule sets one up.");
        }
        return Reply.onlyMe(all.size() + (all.size() == 1 ? " scheduled report" : " scheduled reports"))
                .rows(all.stream().map(s -> Inline.channel(s.channel()) + " — " + s.describe() + " · next "
                        + TimeText.at(s.next(), s.zone(), call.now())).toList())
                .build();
    }

    private Watch find(String name) {
        return watches.find(name).orElseThrow(() -> unknown(name));
    }

    private Refusal unknown(String name) {
        List<String> names = watches.all().stream().map(Watch::name).limit(10).toList();
        return Refusal.badInput("There is no watch " + name + (names.isEmpty() ? "; there are no watches yet."
                : "; watches: " + String.join(", ", names) + (names.size() == 10 ? ", …" : "") + "."));
    }

    static double threshold(String typed) {
        Matcher m = SHARE.matcher(typed.strip());
        if (!m.matches()) {
            throw Refusal.badInput("“" + typed + "” is not a threshold; write a share of the maximum such as 85%.");
        }
        double percent = Double.parseDouble(m.group(1));
        if (percent > 100) {
            throw Refusal.badInput("A threshold is a share of the maximum, at most 100%; " + typed.strip()
                    + " is over 100%.");
        }
        if (percent < 1) {
            throw Refusal.badInput("A threshold is a share of the maximum, at least 1%; " + typed.strip()
                    + " is too low.");
        }
        return percent / 100;
    }

    private static LocalTime timeOfDay(String typed) {
        Matcher m = TIME.matcher(typed.strip());
        if (!m.matches()) {
            throw Refusal.badInput("“" + typed + "” is not a time of day; write it like 09:00 or 17:30.");
        }
        return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static String describe(Watch w) {
        return "query=" + w.query() + " max=" + w.max() + " threshold=" + w.thresholdText()
                + (w.unit().label().isEmpty() ? "" : " unit=" + w.unit().label())
                + (w.service().isEmpty() ? "" : " service=" + w.service())
                + (w.asset().isEmpty() ? "" : " asset=" + w.asset());
    }
}
