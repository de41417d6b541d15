package dev.opsbot.access;

import static dev.opsbot.command.OptionSpec.choice;
import static dev.opsbot.command.OptionSpec.flag;
import static dev.opsbot.command.OptionSpec.optionalPositional;
import static dev.opsbot.command.OptionSpec.positional;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.ChatGroup;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Refusal;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** The {@code /role} command: grant, revoke and list roles, ask who may do something, break glass. */
public final class RoleCommands {

    static final Duration BREAK_GLASS = Duration.ofHours(1);
    private static final String OFF = "Roles are off (OPSBOT_ADMINS is not set): everyone may run every command.";
    private static final List<String> ROLE_WORDS = Arrays.stream(Role.values()).map(Role::word).toList();
    private static final OptionSpec SERVICE = flag("service", OptionType.NAME, "Only for this service")
            .suggesting(OptionSpec.Suggest.SERVICES);
    private static final OptionSpec WHO = positional("who", OptionType.HOLDER,
            "The person, or a chat group (a Discord role, a Slack user group)");
    private static final OptionSpec ROLE = choice("role", "viewer, responder, approver, manager or admin", ROLE_WORDS);

    public static final CommandRoot<RoleCommands> ROOT = CommandRoot.of("role",
            "Who may do what: grant and revoke roles, see who can, break glass",
            CommandSpec.of("grant", "Give someone (or a chat group) a role, everywhere or for one service",
                            RoleCommands::grant)
                    .with(WHO, ROLE, SERVICE).example("/role grant @bob manager --service payments"),
            CommandSpec.of("revoke", "Take a role back", RoleCommands::revoke).needs("role.grant")
                    .with(WHO, ROLE, SERVICE).example("/role revoke @bob manager --service payments"),
            CommandSpec.of("list", "Show someone's roles (yours if nobody is named)", RoleCommands::list).readOnly()
                    .with(optionalPositional("who", OptionType.HOLDER, "The person or chat group"))
                    .example("/role list @bob"),
            CommandSpec.of("who-can", "Who holds a permission", RoleCommands::whoCan).readOnly()
                    .with(positional("permission", OptionType.NAME, "A permission, e.g. escalation.write"), SERVICE)
                    .example("/role who-can escalation.write --service payments"),
            CommandSpec.of("breakglass", "Take responder on everything for an hour, announced and audited",
                            RoleCommands::breakGlass)
                    .with(positional("reason", OptionType.TEXT, "Why you need it"))
                    .example("/role breakglass INC-7 sev1 and nobody on payments answers"))
            .byDefault("list");

    private final Roles roles;
    private final WhoCan who;
    private final AuditLog audit;
    private final Notifier notifier;
    private final List<ChannelRef> announceTo;
    private final Predicate<String> serviceExists;
    private final ZoneId zone;

    public RoleCommands(Roles roles, AuditLog audit, Notifier notifier, List<ChannelRef> announceTo,
            Predicate<String> serviceExists, ZoneId zone) {
        this.roles = roles;
        this.who = new WhoCan(roles);
        this.audit = audit;
        this.notifier = notifier;
        this.announceTo = List.copyOf(announceTo);
        this.serviceExists = serviceExists;
        this.zone = zone;
    }

    Reply grant(CommandCall call) {
        Slot slot = slot(call);
        Holder who = slot.holder();
        roles.change(who.key(), who.person(),
                h -> h.with(new Grant(slot.role(), slot.service(), call.actor(), call.now(), null, "")));
        record(call, "role.grant", slot, "", who.key() + " " + slot.describe());
        return Reply.toChannel("Role granted")
                .text(Inline.user(call.actor()) + " made " + who.shown() + " " + slot.describe() + ".")
                .build();
    }

    Reply revoke(CommandCall call) {
        Slot slot = slot(call);
        Holder who = slot.holder();
        // Only the holder's own grants: a role held through a group is revoked from the group.
        boolean held = roles.grantsHeldBy(who.key()).stream().anyMatch(g -> g.sameSlot(slot.role(), slot.service()));
        if (!held) {
            throw Refusal.because(who.shown() + " is not " + slot.describe() + (who.isGroup()
                    ? "; /role list with that group shows what it holds."
                    : "; /role list " + who.shown() + " shows what they hold."));
        }
        roles.change(who.key(), who.person(), h -> h.without(slot.role(), slot.service()));
        record(call, "role.revoke", slot, who.key() + " " + slot.describe(), "");
        return Reply.toChannel("Role revoked")
                .text(Inline.user(call.actor()) + " took " + slot.describe() + " from " + who.shown() + ".")
                .build();
    }

    Reply list(CommandCall call) {
        if (!roles.enabled()) {
            return Reply.note(OFF + " Set OPSBOT_ADMINS to turn roles on.");
        }
        Optional<ChatGroup> group = call.args().optionalGroup("who");
        if (group.isPresent()) {
            Holder who = Holder.of(group.get());
            Reply.Builder b = Reply.onlyMe("Roles of " + Inline.plain(who.shown()));
            roles.grantsHeldBy(who.key()).forEach(g -> b.row(row(g, "")));
            return b.footer("Everyone in the group holds these on top of their own roles.").build();
        }
        Actor person = call.args().optionalUser("who").orElse(call.actor());
        Reply.Builder b = Reply.onlyMe("Roles of " + Inline.plain(Inline.user(person)));
        if (roles.settings().isAdmin(person)) {
            b.row("admin everywhere (OPSBOT_ADMINS)");
        }
        b.row(roles.settings().defaultRole().word() + " everywhere (everyone's default role)");
        roles.grantsHeldBy(person.key()).forEach(g -> b.row(row(g, "")));
        for (String key : roles.groupsOf(person)) {
            String through = " — through " + WhoCan.groupName(key, roles.holder(key).map(HeldRoles::person).orElse(null));
            roles.grantsHeldBy(key).forEach(g -> b.row(row(g, through)));
        }
        b.footer("The primary on call also counts as a responder for their services while on shift.");
        return b.build();
    }

    private String row(Grant g, String through) {
        return g.describe() + (g.until() == null ? "" : " until " + TimeText.clock(g.until(), zone) + " (break glass)")
                + through
                + (g.by() == null ? "" : " — from " + Inline.user(g.by()) + " " + TimeText.dayClock(g.at(), zone));
    }

    Reply whoCan(CommandCall call) {
        if (!roles.enabled()) {
            return Reply.note(OFF);
        }
        String permission = call.args().text("permission").toLowerCase(Locale.ROOT);
        String service = call.args().optionalText("service").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        Role needed = Role.firstHolding(permission);
        Reply.Builder b = Reply.onlyMe("Who can " + permission + (service == null ? "" : " for " + service))
                .text(permission + " is part of " + needed.word() + " and every role above it.");
        b.row("Admins: " + String.join(", ", who.admins(call.now())));
        if (roles.settings().defaultRole().atLeast(needed)) {
            b.row("Everyone: the default role is " + roles.settings().defaultRole().word() + ".");
        }
        who.holding(needed, service, call.now()).forEach(b::row);
        if (service != null && Role.RESPONDER.atLeast(needed)) {
            b.row("Whoever is the primary on call for " + service + ", while on shift.");
        }
        return b.build();
    }

    Reply breakGlass(CommandCall call) {
        if (!roles.enabled()) {
            throw Refusal.because(OFF);
        }
        String reason = call.args().text("reason").strip();
        Instant until = call.now().plus(BREAK_GLASS);
        Actor person = call.actor();
        roles.change(person, h -> h.with(new Grant(Role.RESPONDER, null, person, call.now(), until, reason)));
        audit.append(new AuditEntry(call.now(), person, "role.breakglass", "roles", "",
                person.key() + " responder everywhere until " + until + ": " + reason));
        Reply announcement = Reply.toChannel("Break glass")
                .text(Inline.user(person) + " took responder on everything until " + TimeText.clock(until, zone)
                        + ": " + reason)
                .tone(Reply.Tone.WARNING).build();
        for (ChannelRef channel : announceTo) {
            notifier.announce(channel, announcement, "breakglass:" + person.key() + ":" + call.now().toEpochMilli()
                    + ":" + channel.platform().key() + ":" + channel.id());
        }
        return Reply.note("You are a responder on everything until " + TimeText.clock(until, zone)
                + ". This was announced in the incidents channel and audited.");
    }

    /** The person, role and service of a grant or revoke, checked: who may hand out which role. */
    private Slot slot(CommandCall call) {
        if (!roles.enabled()) {
            throw Refusal.because(OFF + " Set OPSBOT_ADMINS to turn them on.");
        }
        Role role = Role.parse(call.args().text("role")).orElseThrow();
        String service = call.args().optionalText("service").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        if (service != null && !serviceExists.test(service)) {
            throw Refusal.badInput("There is no service “" + service + "”; /service list shows them.");
        }
        if (role.atLeast(Role.MANAGER) && !roles.holds(call.actor(), "role.admin", null)) {
            throw Refusal.because("Granting or revoking " + role.word() + " needs role.admin; ask "
                    + who.whomToAsk("role.admin", null, call.now()) + ".");
        }
        if (role == Role.ADMIN && service != null) {
            throw Refusal.badInput("admin is held everywhere; leave out --service.");
        }
        Holder who = call.args().optionalGroup("who").map(Holder::of)
                .orElseGet(() -> Holder.of(call.args().user("who")));
        return new Slot(who, role, service);
    }

    private void record(CommandCall call, String action, Slot slot, String before, String after) {
        audit.append(new AuditEntry(call.now(), call.actor(), action, slot.service() == null ? "roles" : slot.service(),
                before, after));
    }

    /**
     * Whom a grant is for: a person, or a chat group whose label (platform, id, name) is kept with
     * its grants so listings can name it; {@code shown} is how a reply names them.
     */
    private record Holder(String key, Actor person, String shown, boolean isGroup) {
        static Holder of(Actor person) {
            return new Holder(person.key(), person, Inline.user(person), false);
        }

        static Holder of(ChatGroup group) {
            Actor label = new Actor(group.platform(), group.id(), group.name());
            return new Holder(group.key(), label, WhoCan.groupName(group.key(), label), true);
        }
    }

    private record Slot(Holder holder, Role role, String service) {
        String describe() {
            return role.word() + (service == null ? " everywhere" : " of " + service);
        }
    }
}
