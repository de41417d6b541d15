package dev.opsbot.access;

import dev.opsbot.command.AccessPolicy;
import dev.opsbot.command.CommandCall;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import dev.opsbot.chat.Actor;

/**
 * The router's access check with roles on: a command runs if the person holds its permission
 * for the service it touches; otherwise they are told, in one sentence, which permission is
 * missing and whom to ask, and the denial is audited.
 */
public final class RolePolicy implements AccessPolicy {

    private final Roles roles;
    private final ServiceScope scope;
    private final AuditLog audit;
    private final WhoCan whoCan;

    public RolePolicy(Roles roles, ServiceScope scope, AuditLog audit) {
        this.roles = roles;
        this.scope = scope;
        this.audit = audit;
        this.whoCan = new WhoCan(roles);
    }

    @Override
    public Decision decide(CommandCall call) {
        String permission = call.spec().permission(call.root());
        if (!roles.enabled() || roles.holds(call.actor(), permission, null)) {
            return Decision.ALLOWED;
        }
        ServiceScope.Target target = scope.of(call);
        if (target.service() != null && roles.holds(call.actor(), permission, target.service())) {
            return Decision.ALLOWED;
        }
        String sentence = "/" + call.root() + " " + call.spec().name() + " needs " + permission
                + (target.service() == null ? "" : " for " + target.service()) + "; ask "
                + whoCan.whomToAsk(permission, target.service(), call.now()) + ".";
        String item = target.item() != null ? target.item() : target.service() != null ? target.service() : "access";
        audit.append(new AuditEntry(call.now(), call.actor(), "access.denied", item, "",
                permission + ": " + call.invocation().line()));
        return new Denied(sentence);
    }

    @Override
    public boolean mayRunSomewhere(Actor actor, String permission) {
        return roles.holdsSomewhere(actor, permission);
    }
}
