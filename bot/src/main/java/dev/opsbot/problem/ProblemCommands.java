package dev.opsbot.problem;

import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.item;
import static dev.opsbot.command.OptionSpec.positional;
import static dev.opsbot.command.OptionSpec.requiredFlag;
import static dev.opsbot.command.OptionSpec.toggle;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Pages;
import dev.opsbot.command.Refusal;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.KnownServices;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code /problem} command: problems behind recurring incidents, from candidates to resolution. */
public final class ProblemCommands {

    /** What every command that works a problem needs; resolving is a decision of its own. */
    static final String WORK = "problem.work";
    static final int LONGEST_STATEMENT = 120;
    static final int LONGEST_TEXT = 2000;
    /** Incidents one {@code --from} names at most; a candidate's button carries its newest ones. */
    static final int MOST_FROM = 25;
    static final int PAGE = 25;
    private static final Pattern INCIDENT = Pattern.compile("(?i)INC-(\\d{1,9})");

    private static final OptionSpec ID = item("id", "The problem, e.g. PRB-3", "PRB");
    private static final OptionSpec SERVICE = flag("service", OptionType.NAME, "The service it is about")
            .suggesting(OptionSpec.Suggest.SERVICES);

    public static final CommandRoot<ProblemCommands> ROOT = CommandRoot.of("problem",
            "Find the problems behind recurring incidents and see them fixed",
            CommandSpec.of("open", "Open a problem, from the incidents it explains", ProblemCommands::open)
                    .needs(WORK)
                    .with(positional("statement", OptionType.TEXT, "What keeps going wrong, in a few words"),
                            flag("from", OptionType.NAME, "Incidents it explains, comma-separated, e.g. INC-1,INC-4"),
                            SERVICE)
                    .example("/problem open connection pool exhausted --from INC-1,INC-4 --service payments"),
            CommandSpec.of("link", "Link another incident to a problem", ProblemCommands::link).needs(WORK)
                    .with(ID, item("incident", "The incident, e.g. INC-42", "INC"))
                    .example("/problem link PRB-3 INC-42"),
            CommandSpec.of("rca", "Record the root cause", ProblemCommands::rootCause).needs(WORK)
                    .with(ID, positional("cause", OptionType.TEXT, "Why it happens"))
                    .example("/problem rca PRB-3 pool size is fixed at 10 while traffic doubled"),
            CommandSpec.of("workaround", "Record the workaround: the problem becomes a known error",
                            ProblemCommands::workaround).needs(WORK)
                    .with(ID, positional("text", OptionType.TEXT, "What to do until it is fixed"))
                    .example("/problem workaround PRB-3 restart the payments pods one at a time"),
            CommandSpec.of("fix", "Name the change that fixes it", ProblemCommands::fix).needs(WORK)
                    .with(ID, new OptionSpec("change", OptionType.ITEM, "The fixing change, e.g. CHG-7", true, false,
                            List.of(), List.of("CHG"), OptionSpec.Suggest.NONE))
                    .example("/problem fix PRB-3 --change CHG-7"),
            CommandSpec.of("action", "Add a preventive action, with a reminder", ProblemCommands::action)
                    .needs(WORK)
                    .with(ID, positional("text", OptionType.TEXT, "What to do"),
                            requiredFlag("owner", OptionType.USER, "Who does it"),
                            requiredFlag("due", OptionType.DURATION, "When it is due from now, e.g. 7d or 2w"))
                    .example("/problem action PRB-3 alert on pool saturation --owner @alice --due 7d"),
            CommandSpec.of("resolve", "Resolve a problem: its fix is done, or its risk accepted",
                            ProblemCommands::resolve)
                    .with(ID, toggle("accept-risk", "Resolve without a completed fix, accepting the risk"),
                            flag("review", OptionType.NAME, "With --accept-risk: the day to look at the risk "
                                    + "again, e.g. 2027-01-14"))
                    .example("/problem resolve PRB-3 --accept-risk --review 2027-01-14"),
            CommandSpec.of("show", "Show a problem", ProblemCommands::show).readOnly()
                    .with(ID).example("/problem show PRB-3"),
            CommandSpec.of("list", "List problems, live ones first", ProblemCommands::list).readOnly()
                    .with(flag("page", OptionType.INTEGER, "Which page of the list, from 1"))
                    .example("/problem list --page 2"),
            CommandSpec.of("candidates", "Recurring incidents no problem explains yet", ProblemCommands::candidates)
                    .readOnly()
                    .with(flag("days", OptionType.INTEGER, "How many days back to look, 1 to 90; 30 if not given"))
                    .example("/problem candidates --days 30"));

    private final Problems problems;
    private final Incidents incidents;
    private final LinkedIncidents linked;
    private final Resolutions resolutions;
    private final CandidateAnswers candidates;
    private final KnownServices services;
    private final AuditLog audit;
    private final ZoneId zone;

    public ProblemCommands(Problems problems, Incidents incidents, dev.opsbot.chat.Notifier notifier,
            ChangeLookup changes, dev.opsbot.schedule.DueItems due, KnownServices services, AuditLog audit,
            ZoneId zone) {
        this.problems = problems;
        this.incidents = incidents;
        this.linked = new LinkedIncidents(incidents, notifier);
        this.resolutions = new Resolutions(changes, due, zone);
        this.candidates = new CandidateAnswers(new Candidates(incidents, problems));
        this.services = services;
        this.audit = audit;
        this.zone = zone;
    }

    Reply open(CommandCall call) {
        String statement = atMost(LONGEST_STATEMENT, call.args().text("statement"), "A problem statement can be at "
                + "most " + LONGEST_STATEMENT + " characters; put the rest in /problem rca.");
        List<Incident> from = new ArrayList<>();
        for (String id : incidentIds(call.args().optionalText("from").orElse(""))) {
            from.add(incidents.find(id).orElseThrow(() -> Refusal.badInput("There is no incident " + id + ".")));
        }
        // Two people clicking one candidate's button would otherwise open the same problem twice.
        Set<String> taken = problems.linkedAmong(from.stream().map(Incident::id).toList());
        if (!taken.isEmpty()) {
            throw Refusal.because(String.join(", ", from.stream().map(Incident::id).filter(taken::contains).toList())
                    + (taken.size() == 1 ? " is" : " are") + " already linked to a problem; /problem link adds "
                    + "incidents to one.");
        }
        String service = call.args().optionalText("service").map(s -> s.toLowerCase(Locale.ROOT))
                .orElseGet(() -> sharedService(from));
        if (service != null && !services.exists(service)) {
            throw Refusal.badInput("There is no service “" + service + "”; /service list shows them.");
        }
        List<Problem.Linked> links = from.stream().map(i -> new Problem.Linked(i.id(), i.title())).toList();
        Problem p = problems.open(id -> Problem.open(id, statement, service, links, call.channel(), call.actor(),
                call.now()));
        audit(call, "problem.open", p.id(), "", describe(p));
        from.forEach(i -> linked.linked(p, i.id(), call.actor(), call.now()));
        return ProblemCards.card(p, "Opened by " + Inline.user(call.actor()) + ".", call.zone(), call.now());
    }

    Reply link(CommandCall call) {
        String id = call.args().text("incident");
        Incident incident = incidents.find(id).orElseThrow(() -> Refusal.badInput("There is no incident " + id + "."));
        Problem after = change(call, "problem.link", p -> p.link(new Problem.Linked(id, incident.title()),
                call.now()));
        linked.linked(after, id, call.actor(), call.now());
        String told = "";
        if (after.status() == ProblemStatus.KNOWN_ERROR
                && !linked.postWorkaround(after, List.of(id), call.actor(), call.now()).isEmpty()) {
            told = " Its workaround was posted to " + id + ".";
        }
        return ProblemCards.card(after, Inline.user(call.actor()) + " linked " + id + "." + told,
                call.zone(), call.now());
    }

    Reply rootCause(CommandCall call) {
        String cause = atMost(LONGEST_TEXT, call.args().text("cause"), tooLong("A root cause"));
        Problem after = change(call, "problem.rca", p -> p.rootCause(cause, call.now()));
        return ProblemCards.card(after, Inline.user(call.actor()) + " recorded the root cause.",
                call.zone(), call.now());
    }

    Reply workaround(CommandCall call) {
        String text = atMost(LONGEST_TEXT, call.args().text("text"), tooLong("A workaround"));
        Problems.Change c = changing(call, "problem.workaround", p -> p.workaround(text, call.now()));
        Problem after = c.after();
        List<String> reached = linked.postWorkaround(after,
                after.incidents().stream().map(Problem.Linked::incident).toList(), call.actor(), call.now());
        String told = reached.isEmpty() ? " No linked incident is open, so it was posted nowhere else."
                : " Posted to " + String.join(", ", reached) + ".";
        if (c.after() == c.before()) {
            // Posts are keyed by revision, so the same text again reaches only incidents that missed it.
            return Reply.note(after.id() + " already has this workaround; every linked open incident has it.");
        }
        return ProblemCards.card(after, after.id() + " is a known error now." + told, call.zone(), call.now());
    }

    Reply fix(CommandCall call) {
        String chg = call.args().text("change");
        resolutions.requireRecorded(chg, call.args().text("id"));
        Problem after = change(call, "problem.fix", p -> p.fix(chg, call.now()));
        return ProblemCards.card(after, Inline.user(call.actor()) + " named " + chg + " as the fix.",
                call.zone(), call.now());
    }

    Reply action(CommandCall call) {
        String text = atMost(LONGEST_TEXT, call.args().text("text"), tooLong("An action"));
        Actor owner = call.args().user("owner");
        Duration due = call.args().duration("due");
        if (due.isZero() || due.compareTo(Duration.ofDays(366)) > 0) {
            throw Refusal.badInput("An action is due between a minute and a year from now, like 7d or 2w.");
        }
        Problem after = change(call, "problem.action", p -> p.action(text, owner, call.now().plus(due), call.now()));
        Problem.Action added = after.actions().get(after.actions().size() - 1);
        resolutions.remind(after, added);
        return ProblemCards.card(after, Inline.user(call.actor()) + " added action " + added.number() + " for "
                + Inline.user(owner) + "; /followup list shows its reminder.", call.zone(), call.now());
    }

    Reply resolve(CommandCall call) {
        Problem before = load(call.args().text("id"));
        Resolutions.Decision decision = resolutions.decide(before, call);
        Problem after = change(call, "problem.resolve", p -> p.resolve(call.actor(), decision.reviewOn(),
                call.now()));
        resolutions.scheduleReview(after);
        return ProblemCards.card(after, "Resolved by " + Inline.user(call.actor()) + ": " + decision.why(),
                call.zone(), call.now());
    }

    Reply show(CommandCall call) {
        Problem p = load(call.args().text("id"));
        return ProblemCards.shown(p, call.zone(), call.now());
    }

    Reply list(CommandCall call) {
        long number = Pages.requested(call);
        long total = problems.count();
        if (total == 0) {
            return Reply.note("There are no problems yet; /problem candidates finds incidents that keep coming back.");
        }
        long pages = Pages.count(total, PAGE);
        if (number > pages) {
            throw Pages.pastTheEnd(total, String.valueOf(total), "problem", "problems", pages);
        }
        List<Problem> page = problems.page((int) number, PAGE);
        long first = (number - 1) * PAGE + 1;
        Reply.Builder b = Reply.onlyMe(total <= PAGE ? total + (total == 1 ? " problem" : " problems")
                : "Showing " + first + "–" + (first + page.size() - 1) + " of " + total + " problems")
                .rows(page.stream().map(ProblemCards::row).toList());
        if (number < pages) {
            b.footer("Page " + number + " of " + pages + ". Next: /problem list --page " + (number + 1) + ".");
        }
        return b.build();
    }

    Reply candidates(CommandCall call) {
        return candidates.answer(call);
    }

    private Problem load(String id) {
        return problems.find(id).orElseThrow(() -> Refusal.badInput("There is no problem " + id + "."));
    }

    private Problem change(CommandCall call, String action, UnaryOperator<Problem> rule) {
        return changing(call, action, rule).after();
    }

    /** Applies a rule to the problem the command names and audits it, unless the rule changed nothing. */
    private Problems.Change changing(CommandCall call, String action, UnaryOperator<Problem> rule) {
        String id = call.args().text("id");
        Problems.Change c = problems.update(id, rule)
                .orElseThrow(() -> Refusal.badInput("There is no problem " + id + "."));
        if (c.after() != c.before()) {
            audit(call, action, id, describe(c.before()), describe(c.after()));
        }
        return c;
    }

    private void audit(CommandCall call, String action, String item, String before, String after) {
        audit.append(new AuditEntry(call.now(), call.actor(), action, item, before, after));
    }

    static String describe(Problem p) {
        return "status=" + p.status().word() + " owner=" + (p.owner() == null ? "-" : p.owner().key())
                + " incidents=" + p.incidents().size() + " workaround=" + p.workaroundRevision()
                + " fix=" + (p.fixChange() == null ? "-" : p.fixChange()) + " actions=" + p.actions().size()
                + " rootCause=" + (p.rootCause() == null ? "no" : "yes");
    }

    /** The incidents of {@code --from}: INC ids separated by commas, each once, at most {@link #MOST_FROM}. */
    static List<String> incidentIds(String typed) {
        Set<String> ids = new LinkedHashSet<>();
        for (String part : typed.split(",")) {
            String word = part.strip();
            if (word.isEmpty()) {
                continue;
            }
            Matcher m = INCIDENT.matcher(word);
            if (!m.matches()) {
                throw Refusal.badInput("“" + word + "” is not an incident id; write --from like INC-1,INC-4.");
            }
            ids.add("INC-" + Long.parseLong(m.group(1)));
        }
        if (ids.size() > MOST_FROM) {
            throw Refusal.badInput("--from names at most " + MOST_FROM + " incidents; link more with /problem link.");
        }
        return List.copyOf(ids);
    }

    /** The service every incident named is on; null when they are on none or on several. */
    private static String sharedService(List<Incident> from) {
        Set<String> on = new LinkedHashSet<>();
        from.forEach(i -> on.add(i.service()));
        return on.size() == 1 ? on.iterator().next() : null;
    }

    private static String tooLong(String what) {
        return what + " can be at most " + LONGEST_TEXT + " characters.";
    }

    private static String atMost(int longest, String text, String refusal) {
        if (text.codePointCount(0, text.length()) > longest) {
            throw Refusal.badInput(refusal);
        }
        return text;
    }
}
