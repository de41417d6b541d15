package dev.opsbot.change;

import static dev.opsbot.command.OptionSpec.choice;
import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.optionalPositional;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.Arguments;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Refusal;
import dev.opsbot.service.Service;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** {@code /change freeze add|list|remove} and {@code /change template add|list}: what shapes every change. */
final class ChangeSetup {

    private static final int MOST_LISTED = 50;

    static final CommandSpec<ChangeCommands> FREEZE = CommandSpec.<ChangeCommands>of("freeze",
                    "Add, list or remove a freeze: no non-emergency change is approved or started during it",
                    ChangeCommands::freeze)
            .with(choice("action", "add, list or remove", List.of("add", "list", "remove")),
                    optionalPositional("name", OptionType.NAME, "The freeze, e.g. year-end"),
                    flag("from", OptionType.NAME, "When it starts, written like a change's --start"),
                    flag("to", OptionType.NAME, "When it ends"),
                    flag("service", OptionType.NAME, "Only this service (default: every service)"))
            .example("/change freeze add year-end --from 2026-12-20T00:00 --to 2027-01-04T00:00");

    static final CommandSpec<ChangeCommands> TEMPLATE = CommandSpec.<ChangeCommands>of("template",
                    "Add or list templates for standard changes", ChangeCommands::template)
            .with(choice("action", "add or list", List.of("add", "list")),
                    optionalPositional("name", OptionType.NAME, "The template, e.g. cert-rotation"),
                    flag("plan", OptionType.TEXT, "What is done (quote several words)"),
                    flag("backout", OptionType.TEXT, "How it is undone"),
                    new OptionSpec("risk", OptionType.CHOICE, "low (default), medium or high",
                            false, false, Risk.WORDS, List.of(), OptionSpec.Suggest.NONE))
            .example("/change template add cert-rotation --plan \"rotate the TLS certificate\" --risk low");

    private final Freezes freezes;
    private final ChangeTemplates templates;
    private final AuditLog audit;
    private final ZoneId zone;

    ChangeSetup(Freezes freezes, ChangeTemplates templates, AuditLog audit, ZoneId zone) {
        this.freezes = freezes;
        this.templates = templates;
        this.audit = audit;
        this.zone = zone;
    }

    Freezes freezes() {
        return freezes;
    }

    ChangeTemplate template(String name) {
        return templates.find(name.toLowerCase(Locale.ROOT)).orElseThrow(() -> Refusal.badInput(
                "There is no template “" + name + "”; /change template list shows them."));
    }

    Reply freeze(CommandCall call) {
        Arguments a = call.args();
        String action = a.text("action");
        if (!action.equals("add") && (a.has("from") || a.has("to") || a.has("service"))) {
            throw Refusal.badInput("--from, --to and --service are only for /change freeze add.");
        }
        if (action.equals("list")) {
            List<Freeze> all = freezes.list(MOST_LISTED);
            return Reply.onlyMe("Freezes").text(all.isEmpty() ? "No freezes." : "")
                    .rows(all.stream().map(f -> f.describe(call.zone(), call.now()) + " by " + Inline.user(f.addedBy()))
                            .toList())
                    .build();
        }
        String name = name(a, "freeze", "year-end");
        if (action.equals("remove")) {
            if (!freezes.remove(name)) {
                throw Refusal.badInput("There is no freeze “" + name + "”; /change freeze list shows them.");
            }
            audit.append(new AuditEntry(call.now(), call.actor(), "change.freeze.remove", "freeze:" + name, name, ""));
            return Reply.toChannel("Freeze removed").text(Inline.user(call.actor()) + " removed the freeze “" + name
                    + "”.").build();
        }
        if (!a.has("from") || !a.has("to")) {
            throw Refusal.badInput("A freeze needs --from and --to.");
        }
        Instant from = WhenText.parse("from", a.text("from"), call.now(), zone);
        Instant to = WhenText.parse("to", a.text("to"), call.now(), zone);
        if (!to.isAfter(from)) {
            throw Refusal.badInput("The freeze ends (" + TimeText.at(to, call.zone(), call.now())
                    + ") before it starts (" + TimeText.at(from, call.zone(), call.now()) + ").");
        }
        if (!to.isAfter(call.now())) {
            throw Refusal.badInput("That freeze is already over.");
        }
        String service = a.optionalText("service").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        Freeze f = new Freeze(name, from, to, service, call.actor(), call.now());
        if (!freezes.add(f)) {
            throw Refusal.because("There is already a freeze “" + name + "”; remove it first to change it.");
        }
        audit.append(new AuditEntry(call.now(), call.actor(), "change.freeze.add", "freeze:" + name, "",
                f.audited()));
        return Reply.toChannel("Freeze added").text(Inline.user(call.actor()) + " added the freeze "
                + f.describe(call.zone(), call.now())
                + ". No change but an emergency one is approved or started during it.").build();
    }

    Reply templates(CommandCall call) {
        Arguments a = call.args();
        if (a.text("action").equals("list")) {
            if (a.has("plan") || a.has("backout") || a.has("risk")) {
                throw Refusal.badInput("--plan, --backout and --risk are only for /change template add.");
            }
            List<ChangeTemplate> all = templates.list(MOST_LISTED);
            return Reply.onlyMe("Templates for standard changes").text(all.isEmpty() ? "No templates." : "")
                    .rows(all.stream().map(t -> Inline.strong(t.name()) + " (" + t.risk().word() + " risk): "
                            + t.plan()).toList())
                    .build();
        }
        String name = name(a, "template", "cert-rotation");
        String plan = a.optionalText("plan").orElseThrow(() -> Refusal.badInput("A template needs a --plan."));
        if (plan.length() > ChangeCommands.LONGEST_TEXT) {
            throw Refusal.badInput("A plan can be at most " + ChangeCommands.LONGEST_TEXT + " characters.");
        }
        Risk risk = a.optionalText("risk").flatMap(Risk::parse).orElse(Risk.LOW);
        ChangeTemplate t = new ChangeTemplate(name, plan, a.optionalText("backout").orElse(null), risk, call.actor(),
                call.now());
        if (!templates.add(t)) {
            throw Refusal.because("There is already a template “" + name + "”.");
        }
        audit.append(new AuditEntry(call.now(), call.actor(), "change.template.add", "template:" + name, "",
                "risk=" + risk.word()));
        return Reply.toChannel("Template added").text(Inline.user(call.actor()) + " added the template "
                + Inline.strong(name) + " (" + risk.word() + " risk). Request from it with /change request --template "
                + name + " --asset … --start … --end ….").build();
    }

    private static String name(Arguments a, String what, String example) {
        String name = a.optionalText("name").map(n -> n.toLowerCase(Locale.ROOT)).orElseThrow(
                () -> Refusal.badInput("Name the " + what + ", like " + example + "."));
        if (!Service.NAME.matcher(name).matches()) {
            throw Refusal.badInput("“" + name + "” is not a " + what + " name; use 2 to 40 lower-case letters, digits "
                    + "or dashes, like " + example + ".");
        }
        return name;
    }
}
