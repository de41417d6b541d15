package dev.opsbot.oncall;

import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.optionalPositional;
import static dev.opsbot.command.OptionSpec.positional;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandRoot;
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
import java.time.Instant;
import java.util.List;

/** The {@code /oncall} command: who is on call, overrides, swaps; rotations live in {@link RotationCommands}. */
public final class OnCallCommands {

    private static final OptionSpec ROTATION = flag("rotation", OptionType.NAME, "Which rotation, if not obvious");
    private static final OptionSpec SERVICE = flag("service", OptionType.NAME, "The rotation of this service")
            .suggesting(OptionSpec.Suggest.SERVICES);
    private static final Duration LONGEST_OVERRIDE = Duration.ofDays(31);

    public static final CommandRoot<OnCallCommands> ROOT = CommandRoot.of("oncall",
            "See who is on call, override and swap shifts, manage rotations",
            CommandSpec.of("who", "Who is on call, for one service or every rotation", OnCallCommands::who).readOnly()
                    .with(optionalPositional("service", OptionType.NAME, "The service")
                            .suggesting(OptionSpec.Suggest.SERVICES))
                    .example("/oncall who payments"),
            CommandSpec.of("override", "Put someone on call for a while instead of the rotation",
                            OnCallCommands::override)
                    .with(positional("who", OptionType.USER, "Who takes the pager"),
                            positional("duration", OptionType.DURATION, "For how long, like 4h or 2d"),
                            ROTATION, SERVICE)
                    .example("/oncall override @bob 4h --service payments"),
            CommandSpec.of("swap", "Swap your current shift with someone's next one", OnCallCommands::swap)
                    .with(positional("who", OptionType.USER, "Who takes your shift"), ROTATION, SERVICE)
                    .example("/oncall swap @carol"),
            RotationCommands.SPEC);

    private final Services services;
    private final Rotations rotations;
    private final OnCall onCall;
    private final AuditLog audit;
    private final RotationCommands rotationCommands;

    public OnCallCommands(Services services, Rotations rotations, OnCall onCall, Handoffs handoffs, AuditLog audit) {
        this.services = services;
        this.rotations = rotations;
        this.onCall = onCall;
        this.audit = audit;
        this.rotationCommands = new RotationCommands(services, rotations, onCall, handoffs, audit);
    }

    Reply rotation(CommandCall call) {
        return rotationCommands.run(call);
    }

    Reply who(CommandCall call) {
        var name = call.args().optionalText("service");
        if (name.isPresent()) {
            Service service = ServiceCommands.load(services, name.get());
            Rotation r = onCall.rotationOf(service).orElseThrow(() -> noRotation(service));
            return Reply.onlyMe("On call for " + service.name()).text(describe(r, call.now())).build();
        }
        List<Rotation> all = rotations.list(100);
        if (all.isEmpty()) {
            return Reply.note("There are no rotations yet; create one with /oncall rotation create.");
        }
        return Reply.onlyMe("On call now")
                .rows(all.stream().map(r -> Inline.strong(r.name()) + servicesText(r) + ": "
                        + describe(r, call.now())).toList())
                .build();
    }

    Reply override(CommandCall call) {
        Actor who = call.args().user("who");
        Duration span = call.args().duration("duration");
        if (span.compareTo(LONGEST_OVERRIDE) > 0) {
            throw Refusal.badInput("An override can last at most 31 days.");
        }
        Rotation r = rotationFor(call);
        Instant now = call.now();
        Shift before = Shifts.at(r, now);
        Rotation after = store(call, r, List.of(new Cover(who, now, now.plus(span), call.actor())), "oncall.override",
                who.key() + " for " + span);
        return Reply.toChannel("On-call override · " + r.name())
                .text(Inline.user(who) + " is on call for " + r.name() + " until "
                        + TimeText.dayClock(now.plus(span), r.zone())
                        + (before.primary().sameAs(who) ? "." : ", instead of " + Inline.user(before.primary()) + "."))
                .footer(describe(after, now))
                .build();
    }

    Reply swap(CommandCall call) {
        Actor me = call.actor();
        Actor other = call.args().user("who");
        Rotation r = rotationFor(call);
        Instant now = call.now();
        Shift mine = Shifts.at(r, now);
        if (!mine.primary().sameAs(me)) {
            throw Refusal.because("You are not on call for " + r.name() + " now ("
                    + Inline.user(mine.primary()) + " is); use /oncall override to cover a shift.");
        }
        if (other.sameAs(me)) {
            throw Refusal.badInput("Swap with someone else.");
        }
        Shift theirs = Shifts.nextTurnOf(r, other, mine.until()).orElseThrow(() -> Refusal.because(
                Inline.user(other) + " is not in " + r.name() + "; use /oncall override to hand them the pager."));
        store(call, r, List.of(new Cover(other, now, mine.until(), me),
                new Cover(me, theirs.from(), theirs.until(), me)), "oncall.swap", other.key());
        return Reply.toChannel("On-call swap · " + r.name())
                .text(Inline.user(other) + " is on call until " + TimeText.dayClock(mine.until(), r.zone()) + "; "
                        + Inline.user(me) + " takes their shift from " + TimeText.dayClock(theirs.from(), r.zone())
                        + " to " + TimeText.dayClock(theirs.until(), r.zone()) + ".")
                .build();
    }

    private Rotation store(CommandCall call, Rotation r, List<Cover> covers, String action, String what) {
        Rotation after = rotations.update(r.name(), current -> current.withCovers(covers, call.now()))
                .orElseThrow(() -> Refusal.because("The rotation " + r.name() + " is gone."));
        audit.append(new AuditEntry(call.now(), call.actor(), action, "rotation:" + r.name(), "", what));
        return after;
    }

    /** --rotation, else --service, else the service of this channel, else the only rotation there is. */
    private Rotation rotationFor(CommandCall call) {
        var args = call.args();
        if (args.has("rotation")) {
            return RotationCommands.load(rotations, args.text("rotation"));
        }
        if (args.has("service")) {
            Service s = ServiceCommands.load(services, args.text("service"));
            return onCall.rotationOf(s).orElseThrow(() -> noRotation(s));
        }
        List<Rotation> here = services.list(500).stream()
                .filter(s -> s.channel().equals(call.channel()) && s.rotation() != null)
                .map(Service::rotation).distinct()
                .flatMap(name -> rotations.find(name).stream()).toList();
        if (here.size() == 1) {
            return here.get(0);
        }
        List<Rotation> all = rotations.list(2);
        if (all.size() == 1) {
            return all.get(0);
        }
        throw Refusal.badInput(all.isEmpty() ? "There are no rotations yet; create one with /oncall rotation create."
                : "Say which rotation, with --rotation <name> or --service <name>.");
    }

    private static Refusal noRotation(Service s) {
        return Refusal.because(s.name() + " has no on-call rotation; attach one with /oncall rotation attach "
                + "<rotation> --service " + s.name() + ".");
    }

    static String describe(Rotation r, Instant now) {
        Shift s = Shifts.at(r, now);
        return Inline.user(s.primary()) + (s.overridden() ? " (override)" : "") + " until "
                + TimeText.dayClock(s.until(), r.zone())
                + (s.secondary() == null ? "" : ", backup " + Inline.user(s.secondary()));
    }

    private String servicesText(Rotation r) {
        List<String> names = onCall.servicesOf(r);
        return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
    }
}
