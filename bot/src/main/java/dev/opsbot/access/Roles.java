package dev.opsbot.access;

import dev.opsbot.chat.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What role a person has where: configured admins, the default role, their grants and their
 * groups' grants, and being the primary on call. A holder's grants are read by {@code _id} and
 * kept for a few seconds, so a busy person costs one read per {@link #FRESH}; a change made
 * here is seen at once, one made by another instance within {@link #FRESH}.
 */
public final class Roles {

    static final Duration FRESH = Duration.ofSeconds(10);

    private final RoleSettings settings;
    private final Grants grants;
    private final OnShift onShift;
    private final ChatGroups groups;
    private final Clock clock;
    private final Map<String, Read> cache = new ConcurrentHashMap<>();

    public Roles(RoleSettings settings, Grants grants, OnShift onShift, ChatGroups groups, Clock clock) {
        this.settings = settings;
        this.grants = grants;
        this.onShift = onShift;
        this.groups = groups;
        this.clock = clock;
    }

    private record Read(Optional<HeldRoles> held, Instant at) {
    }

    public RoleSettings settings() {
        return settings;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public boolean isAdmin(Actor actor) {
        return settings.isAdmin(actor) || grantsOf(actor).stream().anyMatch(g -> g.role() == Role.ADMIN && g.global());
    }

    /** Whether {@code actor} holds {@code permission} for {@code service} (null: a command on no service). */
    public boolean holds(Actor actor, String permission, String service) {
        if (!enabled() || settings.isAdmin(actor)) {
            return true;
        }
        Role needed = Role.firstHolding(permission);
        if (settings.defaultRole().atLeast(needed)) {
            return true;
        }
        for (Grant g : grantsOf(actor)) {
            if (g.covers(service) && g.role().atLeast(needed)) {
                return true;
            }
        }
        return service != null && Role.RESPONDER.atLeast(needed) && onShift.primary(actor, service, clock.instant());
    }

    /** Whether {@code actor} holds {@code permission} anywhere at all: globally or for some service. */
    public boolean holdsSomewhere(Actor actor, String permission) {
        if (holds(actor, permission, null)) {
            return true;
        }
        Role needed = Role.firstHolding(permission);
        return grantsOf(actor).stream().anyMatch(g -> g.role().atLeast(needed));
    }

    /** The active grants of the person and of their groups. */
    public List<Grant> grantsOf(Actor actor) {
        Instant now = clock.instant();
        List<Grant> out = new ArrayList<>();
        read(actor.key()).ifPresent(h -> out.addAll(h.active(now)));
        for (String group : groups.of(actor)) {
            read(group).ifPresent(h -> out.addAll(h.active(now)));
        }
        return out;
    }

    /** The active grants of one holder (a person's own, or a group's), none through groups. */
    public List<Grant> grantsHeldBy(String key) {
        Instant now = clock.instant();
        return read(key).map(h -> h.active(now)).orElse(List.of());
    }

    /** One holder's stored grants, as read for a check. */
    public Optional<HeldRoles> holder(String key) {
        return read(key);
    }

    /** The holder keys of the chat groups {@code actor} is known to be in. */
    public List<String> groupsOf(Actor actor) {
        return groups.of(actor);
    }

    /** Changes a person's grants and forgets what was cached about them. */
    public HeldRoles change(Actor person, UnaryOperator<HeldRoles> change) {
        return change(person.key(), person, change);
    }

    /** Changes the grants of a holder by key: a person's, or a chat group's ({@link ChatGroups#key}, no person). */
    public HeldRoles change(String key, Actor person, UnaryOperator<HeldRoles> change) {
        try {
            return grants.change(key, person, change);
        } finally {
            cache.remove(key);
        }
    }

    /** Every holder with at least one active grant. */
    public List<HeldRoles> holders() {
        Instant now = clock.instant();
        return grants.all().stream().filter(h -> !h.active(now).isEmpty()).toList();
    }

    private Optional<HeldRoles> read(String key) {
        Instant now = clock.instant();
        Read known = cache.get(key);
        if (known != null && known.at().plus(FRESH).isAfter(now) && !known.at().isAfter(now)) {
            return known.held();
        }
        Optional<HeldRoles> held = grants.find(key);
        cache.put(key, new Read(held, now));
        return held;
    }
}
