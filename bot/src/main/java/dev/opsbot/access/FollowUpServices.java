package dev.opsbot.access;

import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A follow-up ({@code FU-12}) belongs to the service of what it is about — an incident's
 * service, a service itself — so snoozing or finishing one needs the permission for that service.
 */
public final class FollowUpServices implements ItemServices {

    private final DueItems due;
    private final ServiceScope subjects;

    public FollowUpServices(DueItems due, List<ItemServices> subjects) {
        this.due = due;
        this.subjects = new ServiceScope(subjects);
    }

    @Override
    public Optional<String> serviceOf(String item) {
        String ref = item.toUpperCase(Locale.ROOT);
        if (!ref.startsWith("FU-")) {
            return Optional.empty();
        }
        return due.findByRef(ref).map(DueItem::subject).flatMap(subjects::serviceOf);
    }
}
