package dev.opsbot.oncall;

import static dev.opsbot.command.OptionSpec.choice;
import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.optionalPositional;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Refusal;
import dev.opsbot.service.Service;
import dev.opsbot.service.ServiceCommands;
import dev.opsbot.service.Services;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** {@code /oncall rotation create|attach|show}: one subcommand whose first word says what to do. */
final class RotationCommands {

    static final CommandSpec<OnCallCommands> SPEC = CommandSpec.<OnCallCommands>of("rotation",
                    "Create a rotation, attach it to a service, or show it", OnCallCommands::rotation)
            .with(choice("action", "What to do", List.of("create", "attach", "show")),
                    optionalPositional("name", OptionType.NAME, "The rotation, e.g. payments-primary"),
                    flag("members", OptionType.USERS, "Who takes turns, in order"),
                    flag("every", OptionType.DURATION, "How long a turn lasts, whole days or weeks up to 8w: 1d, 1w, 2w; 1w if not given"),
                    flag("handoff", OptionType.TEXT, "When turns change: a day and time for weekly turns (mon 09:00), a time for daily ones (09:00)"),
                    flag("tz", OptionType.ZONE, "The time zone of the handoff, e.g. Europe/London; the team's zone if not given"),
                    flag("service", OptionType.NAME, "The service it answers for")
                            .suggesting(OptionSpec.Suggest.SERVICES))
            .example("/oncall rotation create payments-primary --members @a,@b,@c --every 1w "
                    + "--handoff \"mon 09:00\" --tz Europe/London --service payments");

    private final Services services;
    private final Rotations rotations;
    private final OnCall onCall;
    private final Handoffs handoffs;
    private final AuditLog audit;
    private final ZoneId teamZone;

    RotationCommands(Services services, Rotations rotations, OnCall onCall, Handoffs handoffs, AuditLog audit,
            ZoneId teamZone) {
        this.services = services;
        this.rotations = rotations;
        this.onCall = onCall;
        this.handoffs = handoffs;
        this.audit = audit;
        this.teamZone = teamZone;
    }

    Reply run(CommandCall call) {
        String name = call.args().optionalText("name")
                .orElseThrow(() -> Refusal.badInput("Name the rotation, like payments-primary."));
        String action = call.args().text("action");
        refuseOptionsOnlyCreateTakes(call, action);
        return switch (action) {
            case "create" -> create(call, name);
            case "attach" -> attach(call, load(rotations, name));
            default -> show(call, load(rotations, name));
        };
    }

    /** One spec serves three actions, so the parser accepts options an action would silently drop. */
    private static void refuseOptionsOnlyCreateTakes(CommandCall call, String action) {
        if (action.equals("create")) {
            return;
        }
        for (String option : List.of("members", "every", "handoff", "tz")) {
            if (call.args().has(option)) {
                throw Refusal.badInput("--" + option + " is only for /oncall rotation create.");
            }
        }
        if (action.equals("show") && call.args().has("service")) {
            throw Refusal.badInput("--service is only for /oncall rotation create and attach.");
        }
    }

    static Rotation load(Rotations rotations, String name) {
        return rotations.find(name).orElseThrow(
                () -> Refusal.badInput("There is no rotation “" + name + "”; /oncall who lists them."));
    }

    private Reply create(CommandCall call, String name) {
        var args = call.args();
        List<Actor> members = args.users("members");
        if (members.isEmpty()) {
            throw Refusal.badInput("Name the members with --members @a,@b,@c.");
        }
        Duration every = args.optionalDuration("every").orElse(Duration.ofDays(7));
        HandoffTime handoff = HandoffTime.parse(args.optionalText("handoff")
                .orElse(every.toDays() % 7 == 0 ? "mon 09:00" : "09:00"));
        ZoneId zone = args.optionalZone("tz").orElse(teamZone);
        Service service = args.optionalText("service").map(s -> ServiceCommands.load(services, s)).orElse(null);
        Rotation r = Rotation.create(name, members, every, handoff, zone, call.channel(), call.actor(), call.now());
        if (!rotations.add(r)) {
            throw Refusal.because("There is already a rotation " + name + ".");
        }
        audit.append(new AuditEntry(call.now(), call.actor(), "oncall.rotation.create", "rotation:" + name, "",
                "members=" + members.size() + " every=" + r.every() + " handoff=" + r.handoff().text() + " tz=" + zone));
        handoffs.scheduleNext(r, call.now());
        String replaced = service == null ? "" : attachTo(call, r, service);
        return card(r, call, Reply.toChannel("Rotation " + Inline.strong(name) + " created")).text(replaced).build();
    }

    private Reply attach(CommandCall call, Rotation r) {
        String serviceName = call.args().optionalText("service")
                .orElseThrow(() -> Refusal.badInput("Say which service, with --service <name>."));
        Service service = ServiceCommands.load(services, serviceName);
        if (r.name().equals(service.rotation())) {
            throw Refusal.because(service.name() + " is already answered by " + r.name() + ".");
        }
        String replaced = attachTo(call, r, service);
        return card(r, call, Reply.toChannel(service.name() + " is now answered by " + Inline.strong(r.name())))
                .text(replaced).build();
    }

    /** Points the service at the rotation; says which rotation that replaces, if any. */
    private String attachTo(CommandCall call, Rotation r, Service service) {
        var change = services.update(service.name(), s -> s.withRotation(r.name())).orElseThrow();
        String before = change.before().rotation();
        audit.append(new AuditEntry(call.now(), call.actor(), "service.rotation", service.name(),
                "rotation=" + before, "rotation=" + r.name()));
        return before == null || before.equals(r.name()) ? ""
                : "This replaces " + Inline.strong(before) + " for " + service.name() + "; " + before
                        + " no longer pages for it.";
    }

    private Reply show(CommandCall call, Rotation r) {
        Reply.Builder b = card(r, call, Reply.onlyMe(Inline.strong(r.name())));
        for (Cover c : r.covers()) {
            if (c.until().isAfter(call.now())) {
                b.row("Override: " + Inline.user(c.who()) + " from " + TimeText.at(c.from(), call.zone(), call.now())
                        + " until " + TimeText.at(c.until(), call.zone(), call.now()));
            }
        }
        return b.build();
    }

    private Reply.Builder card(Rotation r, CommandCall call, Reply.Builder b) {
        List<String> used = onCall.servicesOf(r);
        return b.field("Members", String.join(", ", r.members().stream().map(Inline::user).toList()))
                .field("Turns", "every " + r.every() + ", handoff " + r.handoffText())
                .field("On call now", OnCallCommands.describe(r, call.zone(), call.now()))
                .field("Next handoff", TimeText.at(Shifts.nextHandoff(r, call.now()), call.zone(), call.now()))
                .field("Services", used.isEmpty() ? "none yet" : String.join(", ", used));
    }
}
