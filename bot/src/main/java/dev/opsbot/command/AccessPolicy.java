package dev.opsbot.command;

import dev.opsbot.chat.Actor;

/**
 * Who may run what. The router asks once per command, after the arguments are read (a scoped
 * grant needs to know which service the command touches) and before the handler runs, so no
 * feature checks permissions itself. {@link #OPEN} lets everyone run everything.
 */
public interface AccessPolicy {

    AccessPolicy OPEN = new AccessPolicy() {
        @Override
        public Decision decide(CommandCall call) {
            return Decision.ALLOWED;
        }

        @Override
        public boolean mayRunSomewhere(Actor actor, String permission) {
            return true;
        }
    };

    /** Whether this call may run; a denial carries the sentence the person sees, and is already recorded. */
    Decision decide(CommandCall call);

    /** Whether the person holds the permission globally or for at least one service: what help shows. */
    boolean mayRunSomewhere(Actor actor, String permission);

    /** The outcome of one check. */
    sealed interface Decision permits Allowed, Denied {
        Decision ALLOWED = new Allowed();
    }

    record Allowed() implements Decision {
    }

    record Denied(String sentence) implements Decision {
    }
}
