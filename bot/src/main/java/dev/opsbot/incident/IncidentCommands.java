package dev.opsbot.incident;

import static dev.opsbot.command.OptionSpec.choice;
import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.item;
import static dev.opsbot.command.OptionSpec.optionalPositional;
import static dev.opsbot.command.OptionSpec.positional;
import static dev.opsbot.command.OptionSpec.toggle;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.Arguments;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Refusal;
import dev.opsbot.store.AuditLog;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code /incident} command: declaring incidents and moving them through their life. */
public final class IncidentCommands {

    /** Chat headers cut longer titles (Slack at 150 characters with the id and severity in front). */
    static final int LONGEST_TITLE = 120;
    /** Room for a note inside one message section (Slack's is 3000 characters) next to the card's own text. */
    static final int LONGEST_NOTE = 2000;
    /** Incident ids in a title or note; at most {@link #MOST_LINKS} are linked from one text. */
    private static final Pattern MENTIONED = Pattern.compile("(?i)\\bINC-(\\d{1,9})\\b");
    private static final int MOST_LINKS = 5;
    private static final OptionSpec ID = item("id", "The incident, e.g. INC-42", "INC");
    private static final OptionSpec SERVICE = flag("service", OptionType.NAME, "The affected service")
            .suggesting(OptionSpec.Suggest.SERVICES);
    private static final OptionSpec SEV = new OptionSpec("sev", OptionType.CHOICE, "Only this severity", false, false,
            Severity.WORDS, List.of(), OptionSpec.Suggest.NONE);

    public static final CommandRoot<IncidentCommands> ROOT = CommandRoot.of("incident",
            "Declare, acknowledge, update and resolve incidents",
            CommandSpec.of("declare", "Declare a new incident", IncidentCommands::declare)
                    .with(choice("severity", "sev1 (worst) to sev4", Severity.WORDS),
                            positional("title", OptionType.TEXT, "What is wrong, in a few words"), SERVICE)
                    .example("/incident declare sev2 \"checkout latency\" --service payments"),
            CommandSpec.of("ack", "Acknowledge an incident: you are on it", IncidentCommands::acknowledge)
                    .with(ID).example("/incident ack INC-42"),
            CommandSpec.of("assign", "Make someone the owner of an incident", IncidentCommands::assign)
                    .with(ID, positional("owner", OptionType.USER, "The new owner"))
                    .example("/incident assign INC-42 @bob"),
            CommandSpec.of("update", "Add a note to the timeline", IncidentCommands::update)
                    .with(ID, positional("note", OptionType.TEXT, "What happened or what you found"))
                    .example("/incident update INC-42 failover to replica started"),
            CommandSpec.of("severity", "Change the severity", IncidentCommands::severity)
                    .with(ID, choice("severity", "sev1 (worst) to sev4", Severity.WORDS))
                    .example("/incident severity INC-42 sev1"),
            CommandSpec.of("mitigate", "Mark the impact as stopped", IncidentCommands::mitigate)
                    .with(ID).example("/incident mitigate INC-42"),
            CommandSpec.of("resolve", "Resolve an incident", IncidentCommands::resolve)
                    .with(ID, optionalPositional("summary", OptionType.TEXT, "How it was fixed"))
                    .example("/incident resolve INC-42 rolled back release 1.4.2"),
            CommandSpec.of("reopen", "Reopen a resolved incident", IncidentCommands::reopen)
                    .with(ID).example("/incident reopen INC-42"),
            CommandSpec.of("close", "Close a resolved incident for good", IncidentCommands::close)
                    .with(ID).example("/incident close INC-42"),
            CommandSpec.of("list", "List open and recent incidents, what needs attention first",
                            IncidentCommands::list).readOnly()
                    .with(toggle("open", "Only open incidents"), toggle("mine", "Only incidents I own"), SERVICE, SEV,
                            flag("page", OptionType.INTEGER, "Which page of the list, from 1"))
                    .example("/incident list --open --sev sev1"),
            CommandSpec.of("history", "Every incident, archived ones too, newest first", IncidentCommands::history)
                    .readOnly()
                    .with(SERVICE, SEV, new OptionSpec("before", OptionType.ITEM, "Start below this incident", false,
                            false, List.of(), List.of("INC"), OptionSpec.Suggest.NONE))
                    .example("/incident history --service payments --before INC-900"),
            CommandSpec.of("show", "Show an incident with its timeline", IncidentCommands::show).readOnly()
                    .with(ID).example("/incident show INC-42"));

    private final Incidents incidents;
    private final IncidentActions actions;
    private final KnownServices services;

    public IncidentCommands(Incidents incidents, AuditLog audit, Notifier notifier, List<ChannelRef> announceTo,
            List<IncidentListener> listeners) {
        this(incidents, audit, notifier, announceTo, listeners, KnownServices.ANY);
    }

    public IncidentCommands(Incidents incidents, AuditLog audit, Notifier notifier, List<ChannelRef> announceTo,
            List<IncidentListener> listeners, KnownServices services) {
        this(incidents, new IncidentActions(incidents, audit, notifier, announceTo, listeners, List.of()), services);
    }

    public IncidentCommands(Incidents incidents, IncidentActions actions, KnownServices services) {
        this.incidents = incidents;
        this.actions = actions;
        this.services = services;
    }

    Reply declare(CommandCall call) {
        Severity severity = Severity.parse(call.args().text("severity")).orElseThrow();
        String title = atMost(LONGEST_TITLE, call.args().text("title"), "A title can be at most " + LONGEST_TITLE
                + " characters; put the details in /incident update once it is declared.");
        String service = service(call.args());
        if (service != null && !services.exists(service)) {
            throw Refusal.badInput("There is no service “" + service + "”; /service list shows them.");
        }
        IncidentActions.Declared declared = actions.declare(severity, title, service, call.channel(), call.actor(),
                call.now());
        link(declared.incident().id(), title, call);
        return declared.answer();
    }

    Reply acknowledge(CommandCall call) {
        Incident after = change(call, "incident.ack", i -> i.acknowledge(call.actor(), call.now()));
        return IncidentCards.card(after, "Acknowledged by " + Inline.user(call.actor()) + ".");
    }

    Reply assign(CommandCall call) {
        Actor owner = call.args().user("owner");
        Incident after = change(call, "incident.assign", i -> i.assign(call.actor(), owner, call.now()));
        return IncidentCards.card(after, Inline.user(call.actor()) + " made " + Inline.user(owner) + " the owner.");
    }

    Reply update(CommandCall call) {
        String note = withinNoteLength(call.args().text("note"), "A note");
        Incident after = change(call, "incident.update", i -> i.note(call.actor(), note, call.now()));
        link(after.id(), note, call);
        return IncidentCards.card(after, Inline.user(call.actor()) + ": " + note);
    }

    Reply severity(CommandCall call) {
        Severity to = Severity.parse(call.args().text("severity")).orElseThrow();
        Incident after = change(call, "incident.severity", i -> i.changeSeverity(call.actor(), to, call.now()));
        return IncidentCards.card(after, Inline.user(call.actor()) + " changed the severity to " + to.word() + ".");
    }

    Reply mitigate(CommandCall call) {
        Incident after = change(call, "incident.mitigate", i -> i.mitigate(call.actor(), call.now()));
        return IncidentCards.card(after, "Mitigated by " + Inline.user(call.actor()) + ".");
    }

    Reply resolve(CommandCall call) {
        String summary = call.args().optionalText("summary").map(t -> withinNoteLength(t, "A summary")).orElse(null);
        Incident after = change(call, "incident.resolve", i -> i.resolve(call.actor(), summary, call.now()));
        return IncidentCards.card(after, "Resolved by " + Inline.user(call.actor())
                + (summary == null ? "." : ": " + summary));
    }

    Reply reopen(CommandCall call) {
        Incident after = change(call, "incident.reopen", i -> i.reopen(call.actor(), call.now()));
        return IncidentCards.card(after, "Reopened by " + Inline.user(call.actor()) + ".");
    }

    Reply close(CommandCall call) {
        Incident after = change(call, "incident.close", i -> i.close(call.actor(), call.now()));
        return IncidentCards.card(after, "Closed by " + Inline.user(call.actor()) + ".");
    }

    Reply list(CommandCall call) {
        return IncidentLists.list(incidents, call, service(call.args()));
    }

    Reply history(CommandCall call) {
        return IncidentLists.history(incidents, call, service(call.args()));
    }

    Reply show(CommandCall call) {
        return IncidentCards.story(load(call.args().text("id")), call.zone(), call.now());
    }

    /**
     * An incident named in another's title or note is linked: its own timeline says which incident
     * mentions it, so the story of a closed incident leads to the one declared after it.
     */
    private void link(String from, String text, CommandCall call) {
        Matcher m = MENTIONED.matcher(text);
        Set<String> named = new LinkedHashSet<>();
        while (m.find() && named.size() < MOST_LINKS) {
            String id = "INC-" + Long.parseLong(m.group(1));
            if (!id.equals(from)) {
                named.add(id);
            }
        }
        for (String id : named) {
            incidents.record(id, new TimelineEntry(call.now(), call.actor(), "linked", from + " mentions it"));
        }
    }

    private static String withinNoteLength(String text, String what) {
        return atMost(LONGEST_NOTE, text, what + " can be at most " + LONGEST_NOTE + " characters; put the rest in an "
                + "/incident update.");
    }

    private static String atMost(int longest, String text, String refusal) {
        if (text.codePointCount(0, text.length()) > longest) {
            throw Refusal.badInput(refusal);
        }
        return text;
    }

    /** Service names are stored lower-case, so "Payments" and "payments" are one service; null if not given. */
    private static String service(Arguments args) {
        return args.optionalText("service").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
    }

    private Incident load(String id) {
        return incidents.find(id).orElseThrow(() -> Refusal.badInput("There is no incident " + id + "."));
    }

    private Incident change(CommandCall call, String action, UnaryOperator<Incident> rule) {
        return actions.changeOrRefuse(call.args().text("id"), call.actor(), call.channel(), call.now(), action, rule);
    }
}
