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
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

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
                            positional("duration", OptionType.DURATION, "For how long, up to 31d, like 4h or 2d"),
                            ROTATION, SERVICE)
                    .example("/oncall override @bob 4h --service payments"),
            CommandSpec.of("swap", "Trade your next shift (or the rest of this one) for someone's next one",
                            OnCallCommands::swap)
                    .with(positional("who", OptionType.USER, "Who takes your shift"), ROTATION, SERVICE)
                    .example("/oncall swap @carol"),
            RotationCommands.SPEC);

    private final Services services;
    private final Rotations rotations;
    private final OnCall onCall;
    private final AuditLog audit;
    private final RotationCommands rotationCommands;

    /** {@code teamZone} is where rotations created without {@code --tz} hand over. */
    public OnCallCommands(Services services, Rotations rotations, OnCall onCall, Handoffs handoffs, AuditLog audit,
            ZoneId teamZone) {
        this.services = services;
        this.rotations = rotations;
        this.onCall = onCall;
        this.audit = audit;
        this.rotationCommands = new RotationCommands(services, rotations, onCall, handoffs, audit, teamZone);
    }

    Reply rotation(CommandCall call) {
        return rotationCommands.run(call);
    }

    Reply who(CommandCall call) {
        var name = call.args().optionalText("service");
        if (name.isPresent()) {
            Service service = ServiceCommands.load(services, name.get());
            Rotation r = onCall.rotationOf(service).orElseThrow(() -> noRotation(service));
            return Reply.onlyMe("On call for " + service.name()).text(describe(r, call.zone(), call.now())).build();
        }
        List<Rotation> all = rotations.list(100);
        if (all.isEmpty()) {
            return Reply.note("There are no rotations yet; create one with /oncall rotation create.");
        }
        return Reply.onlyMe("On call now")
                .rows(all.stream().map(r -> Inline.strong(r.name()) + servicesText(r) + ": "
                        + describe(r, call.zone(), call.now())).toList())
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
                        + TimeText.at(now.plus(span), call.zone(), now)
                        + (before.primary().sameAs(who) ? "." : ", instead of " + Inline.user(before.primary()) + "."))
                .footer(describe(after, call.zone(), now))
                .build();
    }

    /**
     * Trades two people's next shifts: mine (the rest of it, if I am on call now) for theirs. Refused
     * when either has none within a cycle, or when it would leave one of them on call for two turns
     * in a row, which is what a swap is meant to avoid.
     */
    Reply swap(CommandCall call) {
        Actor me = call.actor();
        Actor other = call.args().user("who");
        if (other.sameAs(me)) {
            throw Refusal.badInput("Swap with someone else.");
        }
        Rotation r = rotationFor(call);
        Instant now = call.now();
        Shift mine = nextShiftOf(r, me, now).orElseThrow(() -> Refusal.because("You have no shift in " + r.name()
                + " to trade; use /oncall override to take someone's."));
        Shift theirs = nextShiftOf(r, other, now).orElseThrow(() -> Refusal.because(
                Inline.user(other) + " is not in " + r.name() + "; use /oncall override to hand them the pager."));
        List<Cover> covers = List.of(new Cover(other, mine.from(), mine.until(), me),
                new Cover(me, theirs.from(), theirs.until(), me));
        Rotation swapped = r.withCovers(covers, now);
        refuseBackToBack(swapped, me, theirs, call);
        refuseBackToBack(swapped, other, mine, call);
        store(call, r, covers, "oncall.swap", other.key() + " " + mine.from() + "<->" + theirs.from());
        return Reply.toChannel("On-call swap · " + r.name())
                .text(Inline.user(me) + " and " + Inline.user(other) + " traded shifts.")
                .field("Before", span(me, mine, call) + "; " + span(other, theirs, call))
                .field("After", span(other, mine, call) + "; " + span(me, theirs, call))
                .build();
    }

    /** Who holds the pager first from {@code now} on: the rest of their shift if on call now, else their next turn. */
    private static Optional<Shift> nextShiftOf(Rotation r, Actor who, Instant now) {
        Shift current = Shifts.at(r, now);
        if (current.primary().sameAs(who)) {
            return Optional.of(new Shift(who, current.secondary(), now, current.until(), current.overridden()));
        }
        return Shifts.nextTurnOf(r, who, now);
    }

    private static void refuseBackToBack(Rotation swapped, Actor who, Shift taken, CommandCall call) {
        boolean before = Shifts.at(swapped, taken.from().minusSeconds(1)).primary().sameAs(who);
        boolean after = Shifts.at(swapped, taken.until()).primary().sameAs(who);
        if (before || after) {
            throw Refusal.because("That would leave " + Inline.user(who) + " on call for two turns in a row around "
                    + TimeText.at(after ? taken.until() : taken.from(), call.zone(), call.now())
                    + "; swap with someone else, or use /oncall override for part of a shift.");
        }
    }

    private static String span(Actor who, Shift s, CommandCall call) {
        return Inline.user(who) + " " + TimeText.at(s.from(), call.zone(), call.now()) + " – "
                + TimeText.at(s.until(), call.zone(), call.now());
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

    /** Who is on call now and until when, the time as read in {@code zone}. */
    static String describe(Rotation r, ZoneId zone, Instant now) {
        Shift s = Shifts.at(r, now);
        return Inline.user(s.primary()) + (s.overridden() ? " (override)" : "") + " until "
                + TimeText.at(s.until(), zone, now)
                + (s.secondary() == null ? "" : ", backup " + Inline.user(s.secondary()));
    }

    private String servicesText(Rotation r) {
        List<String> names = onCall.servicesOf(r);
        return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
    }
}
