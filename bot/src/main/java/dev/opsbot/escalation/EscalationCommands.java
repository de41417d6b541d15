package dev.opsbot.escalation;

import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.positional;

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
import dev.opsbot.service.Service;
import dev.opsbot.service.ServiceCommands;
import dev.opsbot.service.Services;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The {@code /escalation} command: see and set how a service's unacknowledged incidents escalate. */
public final class EscalationCommands {

    private static final OptionSpec SERVICE = positional("service", OptionType.NAME, "The service")
            .suggesting(OptionSpec.Suggest.SERVICES);
    private static final Duration SHORTEST = Duration.ofMinutes(1);
    private static final Duration LONGEST = Duration.ofDays(1);

    public static final CommandRoot<EscalationCommands> ROOT = CommandRoot.of("escalation",
            "See and set how unacknowledged incidents escalate",
            CommandSpec.of("show", "Show a service's escalation policy", EscalationCommands::show).readOnly()
                    .with(SERVICE).example("/escalation show payments"),
            CommandSpec.of("set", "Change a service's levels or acknowledge timeouts", EscalationCommands::set)
                    .needs("escalation.write")
                    .with(SERVICE,
                            flag("levels", OptionType.TEXT, "Levels in order, comma-separated, from primary, secondary, channel"),
                            flag("sev1", OptionType.DURATION,
                                    "Time to acknowledge a sev1 before escalating, 1m to 1d, e.g. 5m"),
                            flag("sev2", OptionType.DURATION, "Time to acknowledge a sev2, 1m to 1d, e.g. 15m"),
                            flag("sev3", OptionType.DURATION, "Time to acknowledge a sev3, 1m to 1d, e.g. 30m"),
                            flag("sev4", OptionType.DURATION, "Time to acknowledge a sev4, 1m to 1d, e.g. 2h"))
                    .example("/escalation set payments --sev1 5m --sev2 15m --levels primary,secondary,channel"));

    private final Services services;
    private final EscalationPolicies policies;
    private final AuditLog audit;
    private final int repeats;

    /** {@code repeats}: how often the last level is paged again (OPSBOT_ESCALATION_REPEATS), for the card. */
    public EscalationCommands(Services services, EscalationPolicies policies, AuditLog audit, int repeats) {
        this.services = services;
        this.policies = policies;
        this.audit = audit;
        this.repeats = repeats;
    }

    Reply show(CommandCall call) {
        Service service = ServiceCommands.load(services, call.args().text("service"));
        return card(policies.forService(service.name()), Reply.onlyMe("Escalation · " + service.name())).build();
    }

    Reply set(CommandCall call) {
        var args = call.args();
        Service service = ServiceCommands.load(services, args.text("service"));
        List<Level> levels = args.optionalText("levels").map(EscalationCommands::levels).orElse(null);
        List<Severity> given = new ArrayList<>();
        for (Severity sev : Severity.values()) {
            args.optionalDuration(sev.word()).ifPresent(d -> {
                if (d.compareTo(SHORTEST) < 0 || d.compareTo(LONGEST) > 0) {
                    throw Refusal.badInput("A timeout must be between 1m and 1d; " + sev.word() + " has "
                            + TimeText.span(d) + ".");
                }
                given.add(sev);
            });
        }
        if (levels == null && given.isEmpty()) {
            throw Refusal.badInput("Say what to change: --levels, or a timeout such as --sev1 5m.");
        }
        UnaryOperator<EscalationPolicy> change = p -> {
            EscalationPolicy changed = levels == null ? p : p.withLevels(levels);
            for (Severity sev : given) {
                changed = changed.withTimeout(sev, args.duration(sev.word()));
            }
            return changed;
        };
        EscalationPolicy before = policies.forService(service.name());
        if (change.apply(before).equals(before)) {
            throw Refusal.because(service.name() + " already escalates that way; nothing changed.");
        }
        EscalationPolicy after = policies.update(service.name(), change);
        audit.append(new AuditEntry(call.now(), call.actor(), "escalation.set", service.name(),
                before.levelsText() + "; " + before.timeoutsText(), after.levelsText() + "; " + after.timeoutsText()));
        return card(after, Reply.toChannel("Escalation · " + service.name() + " changed by "
                + Inline.user(call.actor()))).build();
    }

    private static List<Level> levels(String text) {
        List<Level> out = new ArrayList<>();
        for (String word : text.split(",")) {
            Level level = Level.parse(word).orElseThrow(() -> Refusal.badInput("“" + word.strip()
                    + "” is not a level; use primary, secondary or channel, separated by commas."));
            if (out.contains(level)) {
                throw Refusal.badInput("The level " + level.word() + " is given twice.");
            }
            out.add(level);
        }
        if (out.isEmpty()) {
            throw Refusal.badInput("Name at least one level, like primary,secondary,channel.");
        }
        return out;
    }

    private Reply.Builder card(EscalationPolicy p, Reply.Builder b) {
        return b.field("Levels", p.levelsText())
                .field("Time to acknowledge", p.timeoutsText())
                .footer("Each level has the timeout of the incident's severity; the last level is paged "
                        + repeats + (repeats == 1 ? " more time" : " more times")
                        + ", then paging stops with a last message. Acknowledging stops it at once.");
    }
}
