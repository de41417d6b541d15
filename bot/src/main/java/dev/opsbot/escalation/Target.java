package dev.opsbot.escalation;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.oncall.Shift;
import java.util.ArrayList;
import java.util.List;

/**
 * One rung of an escalation as it stands now: a level and the person it pages (null for the
 * channel). {@code nobodyOnCall} marks a channel rung that is there because no level named a person.
 */
record Target(Level level, Actor person, boolean nobodyOnCall) {

    /** The policy's levels as people and channels now; levels with nobody to ping are skipped. */
    static List<Target> of(EscalationPolicy policy, Shift shift) {
        List<Target> out = new ArrayList<>();
        for (Level level : policy.levels()) {
            Actor person = switch (level) {
                case PRIMARY -> shift == null ? null : shift.primary();
                case SECONDARY -> shift == null ? null : shift.secondary();
                case CHANNEL -> null;
            };
            if (level == Level.CHANNEL) {
                out.add(new Target(level, null, false));
            } else if (person != null && out.stream().noneMatch(t -> person.sameAs(t.person()))) {
                out.add(new Target(level, person, false));
            }
        }
        boolean anyPerson = out.stream().anyMatch(t -> t.person() != null);
        boolean wantsPerson = policy.levels().stream().anyMatch(l -> l != Level.CHANNEL);
        if (!anyPerson) {
            // The channel is all there is; when the policy wanted a person, pages say nobody is on call.
            return List.of(new Target(Level.CHANNEL, null, wantsPerson));
        }
        return out;
    }

    /** The opening of a page: who is paged, and in what capacity. */
    String paged(String service) {
        return switch (level) {
            case PRIMARY -> Inline.user(person) + ", you are paged as primary on call for " + service;
            case SECONDARY -> Inline.user(person) + ", you are paged as secondary on call for " + service;
            case CHANNEL -> Inline.here() + " everyone here is paged for " + service
                    + (nobodyOnCall ? ", since nobody is on call for it" : "");
        };
    }

    /** This rung named without pinging anyone, for "next" lines. */
    String named() {
        return switch (level) {
            case PRIMARY, SECONDARY -> person.name() + ", " + capacity();
            case CHANNEL -> capacity();
        };
    }

    String capacity() {
        return switch (level) {
            case PRIMARY -> "primary on call";
            case SECONDARY -> "secondary on call";
            case CHANNEL -> "the whole channel";
        };
    }
}
