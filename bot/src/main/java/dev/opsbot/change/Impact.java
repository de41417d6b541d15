package dev.opsbot.change;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import java.util.List;

/**
 * What a change touches and whether now is a safe time: the services and assets reached upward
 * from its assets, who owns and answers for them, and what stands in the way, ending in one verdict.
 */
public record Impact(List<String> assets, List<String> reached, List<Affected> services, List<String> openIncidents,
        List<String> conflicts, List<Freeze> freezes, List<String> warnings, Verdict verdict, List<String> reasons) {

    public Impact {
        assets = List.copyOf(assets);
        reached = List.copyOf(reached);
        services = List.copyOf(services);
        openIncidents = List.copyOf(openIncidents);
        conflicts = List.copyOf(conflicts);
        freezes = List.copyOf(freezes);
        warnings = List.copyOf(warnings);
        reasons = List.copyOf(reasons);
    }

    /** One affected service: owner and channel (null when unknown) and who is on call during the window. */
    public record Affected(String name, Actor owner, ChannelRef channel, List<Actor> onCall) {
        public Affected {
            onCall = List.copyOf(onCall);
        }
    }

    public enum Verdict {
        GO, CAUTION, NO_GO;

        public String word() {
            return this == NO_GO ? "NO-GO" : name();
        }
    }

    public List<String> serviceNames() {
        return services.stream().map(Affected::name).toList();
    }

    public List<ChannelRef> channels() {
        return services.stream().map(Affected::channel).filter(c -> c != null).distinct().toList();
    }

    public AffectedOwners owners() {
        return new AffectedOwners(services.stream().map(Affected::owner).filter(o -> o != null).distinct().toList());
    }
}
