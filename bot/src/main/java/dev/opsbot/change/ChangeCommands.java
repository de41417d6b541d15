package dev.opsbot.change;

import static dev.opsbot.command.OptionSpec.choice;
import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.item;
import static dev.opsbot.command.OptionSpec.optionalPositional;
import static dev.opsbot.command.OptionSpec.requiredFlag;
import static dev.opsbot.command.OptionSpec.toggle;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.Arguments;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Refusal;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.TimelineEntry;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The {@code /change} command: requesting, approving, carrying out and reviewing changes. */
public final class ChangeCommands {

    static final int LONGEST_TITLE = 120;
    static final int LONGEST_TEXT = 1000;
    static final int MOST_ASSETS = 20;
    private static final OptionSpec ID = item("id", "The change, e.g. CHG-7", "CHG");
    private static final OptionSpec SERVICE = flag("service", OptionType.NAME, "Only changes affecting this service")
            .suggesting(OptionSpec.Suggest.SERVICES);
    static final List<String> OUTCOMES = List.of("success", "failed", "rolled-back");

    public static final CommandRoot<ChangeCommands> ROOT = CommandRoot.of("change",
            "Request, approve and carry out changes, with their impact",
            CommandSpec.of("request", "Request a change; its impact is worked out at once", ChangeCommands::request)
                    .with(optionalPositional("title", OptionType.TEXT, "What the change does, in a few words"),
                            requiredFlag("asset", OptionType.NAME, "The assets changed, comma-separated")
                                    .suggesting(OptionSpec.Suggest.ASSETS),
                            requiredFlag("start", OptionType.NAME, "When the window opens, in the team's zone: "
                                    + "2026-12-01T22:00, +2h, or \"tomorrow HH:MM\" in quotes"),
                            requiredFlag("end", OptionType.NAME, "When the window closes, written like --start"),
                            choiceFlag("type", "normal (default), standard or emergency", ChangeType.WORDS),
                            choiceFlag("risk", "low, medium (default) or high", Risk.WORDS),
                            flag("plan", OptionType.TEXT, "What will be done (quote several words)"),
                            flag("backout", OptionType.TEXT, "How it is undone (quote several words)"),
                            new OptionSpec("incident", OptionType.ITEM, "The incident an emergency change fixes",
                                    false, false, List.of(), List.of("INC"), OptionSpec.Suggest.NONE),
                            flag("template", OptionType.NAME, "Request a standard change from this template"))
                    .example("/change request upgrade postgres --asset db-01 --start \"tomorrow 22:00\" --end +26h "
                            + "--risk high"),
            CommandSpec.of("impact", "Work out a change's impact again, as of now", ChangeCommands::impact)
                    .readOnly().with(ID).example("/change impact CHG-7"),
            CommandSpec.of("approve", "Approve someone else's change", ChangeCommands::approve)
                    .with(ID, optionalPositional("note", OptionType.TEXT, "Why, or on what condition"))
                    .example("/change approve CHG-7 backout tested"),
            CommandSpec.of("reject", "Reject a change", ChangeCommands::reject)
                    .with(ID, optionalPositional("reason", OptionType.TEXT, "Why"))
                    .example("/change reject CHG-7 clashes with the billing run"),
            CommandSpec.of("cancel", "Withdraw a change that has not started", ChangeCommands::cancel)
                    .with(ID).example("/change cancel CHG-7"),
            CommandSpec.of("start", "Start an approved change inside its window", ChangeCommands::start)
                    .with(ID).example("/change start CHG-7"),
            CommandSpec.of("done", "Finish a change: success, failed or rolled-back", ChangeCommands::done)
                    .with(ID, choice("outcome", "success, failed or rolled-back", OUTCOMES),
                            optionalPositional("note", OptionType.TEXT, "What happened"))
                    .example("/change done CHG-7 success"),
            CommandSpec.of("link", "Record that a change caused an incident", ChangeCommands::link)
                    .with(ID, item("incident", "The incident it caused", "INC"))
                    .example("/change link CHG-7 INC-42"),
            CommandSpec.of("show", "Show a change: plan, approvals, impact, timeline", ChangeCommands::show)
                    .readOnly().with(ID).example("/change show CHG-7"),
            CommandSpec.of("list", "List changes, newest window first", ChangeCommands::list).readOnly()
                    .with(toggle("mine", "Only changes I requested"),
                            choiceFlag("state", "Only changes in this state", ChangeState.WORDS), SERVICE)
                    .example("/change list --state requested"),
            CommandSpec.of("calendar", "Change windows and freezes by day", ChangeCommands::calendar).readOnly()
                    .with(flag("days", OptionType.INTEGER, "How many days ahead, 1 to 31 (default 7)"))
                    .example("/change calendar --days 14"),
            ChangeSetup.FREEZE,
            ChangeSetup.TEMPLATE);

    private final ChangeRequests changes;
    private final ImpactAnalysis analysis;
    private final ChangeReminders reminders;
    private final Incidents incidents;
    private final AuditLog audit;
    private final Notifier notifier;
    private final ChangeSetup setup;
    private final ZoneId zone;

    public ChangeCommands(ChangeRequests changes, Freezes freezes, ChangeTemplates templates, ImpactAnalysis analysis,
            ChangeReminders reminders, Incidents incidents, AuditLog audit, Notifier notifier, ZoneId zone) {
        this.changes = changes;
        this.analysis = analysis;
        this.reminders = reminders;
        this.incidents = incidents;
        this.audit = audit;
        this.notifier = notifier;
        this.setup = new ChangeSetup(freezes, templates, audit, zone);
        this.zone = zone;
    }

    private static OptionSpec choiceFlag(String name, String description, List<String> choices) {
        return new OptionSpec(name, OptionType.CHOICE, description, false, false, choices, List.of(),
                OptionSpec.Suggest.NONE);
    }

    Reply request(CommandCall call) {
        Arguments a = call.args();
        Optional<ChangeTemplate> template = a.optionalText("template").map(setup::template);
        ChangeType type = a.optionalText("type").flatMap(ChangeType::parse)
                .orElse(template.isPresent() ? ChangeType.STANDARD : ChangeType.NORMAL);
        if (template.isPresent() && type != ChangeType.STANDARD) {
            throw Refusal.badInput("A change from a template is a standard change; leave out --type.");
        }
        if (type == ChangeType.STANDARD && template.isEmpty()) {
            throw Refusal.badInput("A standard change comes from a template: add --template <name> "
                    + "(/change template list shows them).");
        }
        if (template.isPresent() && a.has("risk")) {
            throw Refusal.badInput("A standard change takes its risk from the template; leave out --risk.");
        }
        Risk risk = template.map(ChangeTemplate::risk)
                .orElseGet(() -> a.optionalText("risk").flatMap(Risk::parse).orElse(Risk.MEDIUM));
        String title = a.optionalText("title").or(() -> template.map(ChangeTemplate::name))
                .orElseThrow(() -> Refusal.badInput("Say what the change does, e.g. /change request upgrade "
                        + "postgres --asset db-01 …"));
        within(title, LONGEST_TITLE, "A title");
        List<String> assets = assets(a.text("asset"));
        Instant start = WhenText.parse("start", a.text("start"), call.now(), zone);
        Instant end = WhenText.parse("end", a.text("end"), call.now(), zone);
        if (!end.isAfter(start)) {
            throw Refusal.badInput("The window ends (" + TimeText.at(end, call.zone(), call.now()) + ") before it starts ("
                    + TimeText.at(start, call.zone(), call.now()) + ").");
        }
        if (start.isBefore(call.now().minus(ChangeRequest.GRACE))) {
            throw Refusal.badInput("The window starts in the past (" + TimeText.at(start, call.zone(), call.now())
                    + "); start it now or later.");
        }
        String incident = a.optionalText("incident").orElse(null);
        if (incident != null && incidents.find(incident).isEmpty()) {
            throw Refusal.badInput("There is no incident " + incident + ".");
        }
        if (type == ChangeType.EMERGENCY && incident == null) {
            throw Refusal.badInput("An emergency change must name the incident it fixes: add --incident INC-n.");
        }
        String plan = a.optionalText("plan").or(() -> template.map(ChangeTemplate::plan)).orElse(null);
        String backout = a.optionalText("backout").or(() -> template.map(ChangeTemplate::backout)).orElse(null);
        within(plan, LONGEST_TEXT, "A plan");
        within(backout, LONGEST_TEXT, "A backout");

        Impact impact = analysis.forRequest(new ImpactAnalysis.Subject(null, assets, start, end, type, incident),
                call.zone(), call.now());
        if (type == ChangeType.STANDARD && !impact.freezes().isEmpty()) {
            throw Refusal.because("This window crosses the freeze " + impact.freezes().get(0).describe(call.zone(), call.now())
                    + "; a standard change cannot be approved during it.");
        }
        ChangeRequest.Draft draft = new ChangeRequest.Draft(title, type, risk, assets, impact.reached(),
                impact.serviceNames(), start, end, plan, backout, incident, template.map(ChangeTemplate::name)
                .orElse(null));
        ChangeRequest c = changes.add(id -> ChangeRequest.request(id, draft, call.actor(), call.channel(),
                call.now()));
        audit.append(new AuditEntry(call.now(), call.actor(), "change.request", c.id(), "", describe(c)));
        reminders.requested(c, call.now());
        String headline = "Requested by " + Inline.user(call.actor()) + (c.state() == ChangeState.APPROVED
                ? "; approved by template " + c.template() + "."
                : "; needs " + c.stillNeeded(impact.owners()) + ".");
        Reply card = withDecisionButtons(ChangeCards.card(c, impact, headline, call.zone(), call.now()), c).build();
        announce(impact.channels(), call.channel(), card, c.id() + ":requested");
        return card;
    }

    Reply impact(CommandCall call) {
        ChangeRequest c = load(call.args().text("id"));
        Impact impact = analysis.forChange(c, call.zone(), call.now());
        return ChangeCards.card(c, impact, "Impact as of " + TimeText.at(call.now(), call.zone(), call.now()) + ".", call.zone(), call.now()).build();
    }

    Reply approve(CommandCall call) {
        ChangeRequest current = load(call.args().text("id"));
        Impact impact = analysis.forChange(current, call.zone(), call.now());
        String note = call.args().optionalText("note").orElse(null);
        within(note, LONGEST_TEXT, "A note");
        ChangeRequest after = change(call, "change.approve", c -> {
            ChangeRequest next = c.approve(call.actor(), note, impact.owners(), call.now());
            refuseIfFrozen(call, c, impact, "approved");
            return next;
        });
        String headline;
        if (after.state() == ChangeState.APPROVED) {
            reminders.approved(after);
            headline = "Approved by " + ChangeCards.people(after.approvals().stream()
                    .map(ChangeRequest.Approval::by).toList()) + "; it can start from "
                    + TimeText.at(after.start(), call.zone(), call.now()) + ".";
        } else {
            headline = Inline.user(call.actor()) + " approved; it still needs " + after.stillNeeded(impact.owners())
                    + ".";
        }
        Reply card = ChangeCards.card(after, impact, headline, call.zone(), call.now()).build();
        announce(List.of(after.channel()), call.channel(), card, after.id() + ":approval:" + after.approvals().size());
        return card;
    }

    Reply reject(CommandCall call) {
        String reason = call.args().optionalText("reason").orElse(null);
        within(reason, LONGEST_TEXT, "A reason");
        ChangeRequest after = change(call, "change.reject", c -> c.reject(call.actor(), reason, call.now()));
        reminders.ended(after, call.now());
        Reply card = plainCard(call, after, "Rejected by " + Inline.user(call.actor())
                + (reason == null ? "." : ": " + reason));
        announce(List.of(after.channel()), call.channel(), card, after.id() + ":rejected");
        return card;
    }

    Reply cancel(CommandCall call) {
        ChangeRequest after = change(call, "change.cancel", c -> c.cancel(call.actor(), call.now()));
        reminders.ended(after, call.now());
        return plainCard(call, after, "Cancelled by " + Inline.user(call.actor()) + ".");
    }

    Reply start(CommandCall call) {
        ChangeRequest current = load(call.args().text("id"));
        Impact impact = analysis.forChange(current, call.zone(), call.now());
        ChangeRequest after = change(call, "change.start", c -> {
            ChangeRequest next = c.begin(call.actor(), impact.owners(), call.now(), call.zone());
            refuseIfFrozen(call, c, impact, "started");
            return next;
        });
        reminders.started(after);
        Reply card = ChangeCards.card(after, impact, "Started by " + Inline.user(call.actor()) + "; window until "
                + TimeText.at(after.end(), call.zone(), call.now()) + ".", call.zone(), call.now())
                .button("Done", "/change done " + after.id() + " success", Reply.Button.Style.PRIMARY)
                .build();
        announce(impact.channels(), call.channel(), card, after.id() + ":started");
        return card;
    }

    Reply done(CommandCall call) {
        ChangeState outcome = switch (call.args().text("outcome")) {
            case "success" -> ChangeState.COMPLETED;
            case "failed" -> ChangeState.FAILED;
            default -> ChangeState.ROLLED_BACK;
        };
        String note = call.args().optionalText("note").orElse(null);
        within(note, LONGEST_TEXT, "A note");
        ChangeRequest after = change(call, "change.done", c -> c.finish(call.actor(), outcome, note, call.now()));
        reminders.ended(after, call.now());
        Reply card = plainCard(call, after, "Finished by " + Inline.user(call.actor()) + ": " + outcome.word()
                + (note == null ? "." : ": " + note)
                + (after.type() == ChangeType.EMERGENCY ? " Its review is due in 48 hours." : ""));
        announce(analysis.forChange(after, call.zone(), call.now()).channels(), call.channel(), card, after.id() + ":finished");
        return card;
    }

    Reply link(CommandCall call) {
        String incident = call.args().text("incident");
        if (incidents.find(incident).isEmpty()) {
            throw Refusal.badInput("There is no incident " + incident + ".");
        }
        ChangeRequest after = change(call, "change.link", c -> c.link(call.actor(), incident, call.now()));
        incidents.record(incident, new TimelineEntry(call.now(), call.actor(), "linked", after.id()
                + " caused it"));
        return plainCard(call, after, Inline.user(call.actor()) + " linked " + after.id() + " to " + incident
                + "; it counts as a failed change.");
    }

    Reply show(CommandCall call) {
        ChangeRequest c = load(call.args().text("id"));
        Impact impact = analysis.forChange(c, call.zone(), call.now());
        return ChangeCards.story(c, impact, impact.owners(), call.zone(), call.now());
    }

    Reply list(CommandCall call) {
        return ChangeViews.list(changes, call);
    }

    Reply calendar(CommandCall call) {
        return ChangeViews.calendar(changes, setup.freezes(), call, call.zone());
    }

    Reply freeze(CommandCall call) {
        return setup.freeze(call);
    }

    Reply template(CommandCall call) {
        return setup.templates(call);
    }

    private static Reply plainCard(CommandCall call, ChangeRequest c, String headline) {
        return Reply.toChannel(Inline.strong(c.id()) + " · " + c.title())
                .text(headline)
                .field("State", c.state().word())
                .field("Window", ChangeCards.window(c, call.zone(), call.now()))
                .build();
    }

    private static Reply.Builder withDecisionButtons(Reply.Builder card, ChangeRequest c) {
        if (c.state() == ChangeState.REQUESTED) {
            card.button("Approve", "/change approve " + c.id(), Reply.Button.Style.PRIMARY)
                    .button("Reject", "/change reject " + c.id(), Reply.Button.Style.DANGER);
        }
        return card;
    }

    private static void refuseIfFrozen(CommandCall call, ChangeRequest c, Impact impact, String verb) {
        if (c.type() != ChangeType.EMERGENCY && !impact.freezes().isEmpty()) {
            throw Refusal.because(c.id() + " crosses the freeze " + impact.freezes().get(0).describe(call.zone(), call.now())
                    + "; only an emergency change may be " + verb + " during it.");
        }
    }

    private void announce(List<ChannelRef> to, ChannelRef from, Reply card, String key) {
        for (ChannelRef channel : new LinkedHashSet<>(to)) {
            if (channel != null && !channel.equals(from)) {
                notifier.announce(channel, card, key + ":" + channel.key());
            }
        }
    }

    private List<String> assets(String typed) {
        List<String> names = Arrays.stream(typed.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        if (names.isEmpty()) {
            throw Refusal.badInput("Name at least one asset, e.g. --asset db-01.");
        }
        if (names.size() > MOST_ASSETS) {
            throw Refusal.badInput("One change can name at most " + MOST_ASSETS + " assets; split it.");
        }
        return names;
    }

    private static void within(String text, int longest, String what) {
        if (text != null && text.codePointCount(0, text.length()) > longest) {
            throw Refusal.badInput(what + " can be at most " + longest + " characters.");
        }
    }

    private ChangeRequest load(String id) {
        return changes.find(id).orElseThrow(() -> Refusal.badInput("There is no change " + id + "."));
    }

    private ChangeRequest change(CommandCall call, String action, UnaryOperator<ChangeRequest> rule) {
        String id = call.args().text("id");
        ChangeRequests.Change c = changes.update(id, rule)
                .orElseThrow(() -> Refusal.badInput("There is no change " + id + "."));
        audit.append(new AuditEntry(call.now(), call.actor(), action, id, describe(c.before()), describe(c.after())));
        return c.after();
    }

    static String describe(ChangeRequest c) {
        return "state=" + c.state().word() + " approvals=" + c.approvals().size() + " window=" + c.start() + "/"
                + c.end();
    }
}
