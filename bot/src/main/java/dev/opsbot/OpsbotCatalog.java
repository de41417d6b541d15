package dev.opsbot;

import dev.opsbot.access.RoleCommands;
import dev.opsbot.alert.AlertCommands;
import dev.opsbot.asset.AssetCommands;
import dev.opsbot.audit.AuditCommands;
import dev.opsbot.capacity.CapacityCommands;
import dev.opsbot.change.ChangeCommands;
import dev.opsbot.channel.ChannelCommands;
import dev.opsbot.command.CommandCatalog;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.digest.DigestCommands;
import dev.opsbot.escalation.EscalationCommands;
import dev.opsbot.followup.FollowUpCommands;
import dev.opsbot.incident.IncidentCommands;
import dev.opsbot.kpi.KpiCommands;
import dev.opsbot.oncall.OnCallCommands;
import dev.opsbot.ownership.OwnerCommands;
import dev.opsbot.problem.ProblemCommands;
import dev.opsbot.service.ServiceCommands;
import java.util.List;

/**
 * The list of every command root, in the order help lists them: the incident loop first, then
 * what it rests on, then settings. It needs no database, so the Slack manifest and the Discord
 * registration can be printed from it without starting anything.
 */
public final class OpsbotCatalog {

    private OpsbotCatalog() {
    }

    public static List<CommandRoot<?>> roots() {
        return List.of(IncidentCommands.ROOT,
                OnCallCommands.ROOT,
                EscalationCommands.ROOT,
                FollowUpCommands.ROOT,
                OwnerCommands.ROOT,
                ServiceCommands.ROOT,
                AssetCommands.ROOT,
                ChangeCommands.ROOT,
                AlertCommands.ROOT,
                ProblemCommands.ROOT,
                CapacityCommands.ROOT,
                KpiCommands.ROOT,
                DigestCommands.ROOT,
                ChannelCommands.ROOT,
                RoleCommands.ROOT,
                AuditCommands.ROOT);
    }

    public static CommandCatalog standard() {
        return new CommandCatalog(roots());
    }
}
