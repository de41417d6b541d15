package dev.opsbot.service;

import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.positional;
import static dev.opsbot.command.OptionSpec.requiredFlag;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Refusal;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The {@code /service} command: adding services and looking them up. */
public final class ServiceCommands {

    private static final OptionSpec NAME = positional("name", OptionType.NAME, "The service, e.g. payments")
            .suggesting(OptionSpec.Suggest.SERVICES);

    public static final CommandRoot<ServiceCommands> ROOT = CommandRoot.of("service",
            "Add services and see who answers for them",
            CommandSpec.of("add", "Add a service", ServiceCommands::add)
                    .with(NAME, requiredFlag("team", OptionType.TEXT, "The team that runs it"),
                            requiredFlag("channel", OptionType.CHANNEL, "Where its incidents and pings go"),
                            flag("tier", OptionType.INTEGER, "1 (most critical) to 3; 3 if not given"),
                            flag("owner", OptionType.USER, "Who owns it; nobody if not given"))
                    .example("/service add payments --team core --channel #payments --tier 1"),
            CommandSpec.of("set", "Change a service's settings", ServiceCommands::set)
                    .with(NAME, requiredFlag("availability", OptionType.NAME,
                            "Availability target in percent, e.g. 99.9"))
                    .example("/service set payments --availability 99.9"),
            CommandSpec.of("show", "Show a service", ServiceCommands::show).readOnly()
                    .with(NAME).example("/service show payments"),
            CommandSpec.of("list", "List every service", ServiceCommands::list).readOnly());

    private final Services services;
    private final AuditLog audit;

    public ServiceCommands(Services services, AuditLog audit) {
        this.services = services;
        this.audit = audit;
    }

    Reply add(CommandCall call) {
        var args = call.args();
        Actor owner = args.optionalUser("owner").orElse(null);
        Service service = Service.add(args.text("name"), args.text("team"), args.channel("channel"),
                (int) (long) args.optionalInteger("tier").orElse(3L), owner, call.actor(), call.now());
        if (!services.add(service)) {
            throw Refusal.because("There is already a service " + service.name() + ".");
        }
        audit.append(new AuditEntry(call.now(), call.actor(), "service.add", service.name(), "",
                "team=" + service.team() + " channel=" + service.channel().key() + " tier=" + service.tier()
                        + " owner=" + (owner == null ? "-" : owner.key())));
        Reply.Builder b = card(service, Reply.toChannel(Inline.strong(service.name()) + " added"));
        if (owner == null) {
            b.text("Nobody owns " + service.name() + " yet; /owner take " + service.name() + " to own it.");
        }
        return b.build();
    }

    Reply set(CommandCall call) {
        Service current = load(services, call.args().text("name"));
        String typed = call.args().text("availability");
        current.withAvailability(typed);
        Services.Change change = services.update(current.name(), s -> s.withAvailability(typed)).orElseThrow(
                () -> Refusal.because("The service " + current.name() + " was just removed."));
        audit.append(new AuditEntry(call.now(), call.actor(), "service.set", current.name(),
                "availability=" + target(change.before()), "availability=" + target(change.after())));
        return card(change.after(), Reply.toChannel(Inline.strong(current.name()) + " updated"))
                .text("Availability target of " + current.name() + ": " + target(change.after()) + " (was "
                        + target(change.before()) + "). /kpi --service " + current.name() + " measures it.")
                .footer("Set by " + Inline.user(call.actor()) + ".")
                .build();
    }

    /** The target as people write it: "99.9%", or "none". */
    public static String target(Service s) {
        if (s.availability() == null) {
            return "none";
        }
        String number = BigDecimal.valueOf(s.availability()).stripTrailingZeros().toPlainString();
        return number + "%";
    }

    Reply show(CommandCall call) {
        Service service = load(services, call.args().text("name"));
        return card(service, Reply.onlyMe(Inline.strong(service.name())))
                .footer("/oncall who " + service.name() + " shows who is on call; /escalation show "
                        + service.name() + " shows how pings escalate.")
                .build();
    }

    Reply list(CommandCall call) {
        List<Service> all = services.list(200);
        if (all.isEmpty()) {
            return Reply.note("There are no services yet; add one with /service add.");
        }
        return Reply.onlyMe(all.size() + (all.size() == 1 ? " service" : " services"))
                .rows(all.stream().map(ServiceCommands::row).toList())
                .build();
    }

    /** Finds a service or refuses with the sentence every command uses for an unknown name. */
    public static Service load(Services services, String name) {
        // Names are stored lower-case (Service.add insists), so "Payments" finds payments.
        return services.find(name.toLowerCase(Locale.ROOT)).orElseThrow(
                () -> Refusal.badInput("There is no service “" + name + "”; /service list shows them."));
    }

    private static Reply.Builder card(Service s, Reply.Builder b) {
        return b.field("Team", s.team())
                .field("Channel", Inline.channel(s.channel()))
                .field("Tier", String.valueOf(s.tier()))
                .field("Owner", s.owner() == null ? "nobody" : Inline.user(s.owner()))
                .field("On-call rotation", s.rotation() == null ? "none" : s.rotation())
                .field("Availability target", target(s));
    }

    private static String row(Service s) {
        return Inline.strong(s.name()) + " · tier " + s.tier() + " · " + s.team() + " · "
                + Inline.channel(s.channel())
                + " · owner " + (s.owner() == null ? "nobody" : Inline.user(s.owner()))
                + (s.rotation() == null ? "" : " · rotation " + s.rotation());
    }
}
