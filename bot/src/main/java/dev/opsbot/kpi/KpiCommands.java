package dev.opsbot.kpi;

import static dev.opsbot.command.OptionSpec.flag;

import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Refusal;
import dev.opsbot.service.Services;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The {@code /kpi} command: the team's incident, availability and change figures over recent days. */
public final class KpiCommands {

    static final int LONGEST = 365;

    public static final CommandRoot<KpiCommands> ROOT = CommandRoot.of("kpi",
            "Incident, availability and change KPIs over recent days",
            CommandSpec.of("show", "MTTA, MTTR, availability against targets, change success, overdue follow-ups",
                            KpiCommands::show)
                    .readOnly()
                    .with(flag("service", OptionType.NAME, "Only this service").suggesting(OptionSpec.Suggest.SERVICES),
                            flag("days", OptionType.INTEGER, "How many days back, 1 to 365; 30 if not given"))
                    .example("/kpi --service payments --days 30"))
            .byDefault("show");

    private final Kpis kpis;
    private final Services services;

    public KpiCommands(Kpis kpis, Services services) {
        this.kpis = kpis;
        this.services = services;
    }

    Reply show(CommandCall call) {
        long days = call.args().optionalInteger("days").orElse(30L);
        if (days < 1 || days > LONGEST) {
            throw Refusal.badInput("--days is a number of days from 1 to " + LONGEST + ".");
        }
        String service = call.args().optionalText("service").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        if (service != null && !services.accepts(service)) {
            throw Refusal.badInput("There is no service “" + call.args().text("service")
                    + "”; /service list shows them.");
        }
        Kpis.Measured m = kpis.measure(call.now(), Duration.ofDays(days), service);
        String title = "KPIs · last " + days + (days == 1 ? " day" : " days")
                + (service == null ? "" : " · " + service);
        Reply.Builder b = Reply.onlyMe(title);
        if (m.incidents().declared() == 0) {
            b.text("No incidents were declared" + (service == null ? "" : " on " + service) + " in the last " + days
                    + (days == 1 ? " day" : " days") + ", so there is no time to acknowledge or resolve to measure.");
        }
        List<String> lines = Kpis.lines(m);
        return b.rows(lines)
                .footer("Availability counts sev1–2 impact, declared to mitigated (or resolved). "
                        + "/service set <name> --availability 99.9 sets a target.")
                .build();
    }
}
