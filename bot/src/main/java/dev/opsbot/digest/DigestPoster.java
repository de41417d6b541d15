package dev.opsbot.digest;

import dev.opsbot.chat.Notifier;
import dev.opsbot.schedule.DueHandler;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Posts a channel's digest when its due item fires, then schedules the next post after now, so a
 * post missed while the bot was down goes out once at start rather than once per missed day.
 */
public final class DigestPoster implements DueHandler {

    static final String KIND = "digest.post";

    private final DigestSubscriptions subscriptions;
    private final Digest digest;
    private final DueItems due;
    private final Notifier notifier;

    public DigestPoster(DigestSubscriptions subscriptions, Digest digest, DueItems due, Notifier notifier) {
        this.subscriptions = subscriptions;
        this.digest = digest;
        this.due = due;
        this.notifier = notifier;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(DueItem item, Instant now) {
        Optional<DigestSubscription> subscription = subscriptions.find(item.subject());
        if (subscription.isEmpty()) {
            return;
        }
        DigestSubscription s = subscription.get();
        notifier.announce(s.channel(), digest.post(now, s.zone()), item.fireKey());
        // Read again, and only re-arm an item still there: a subscribe or unsubscribe while this
        // post was built decides the next one.
        subscriptions.find(item.subject()).ifPresent(latest -> due.reschedule(nextPost(latest, now)));
    }

    /** At start: gives every subscription whose next post went missing (a crash mid-subscribe) one again. */
    public int resume(Instant now) {
        int resumed = 0;
        for (DigestSubscription s : subscriptions.all()) {
            if (due.find(itemId(s)).isEmpty()) {
                due.schedule(nextPost(s, now));
                resumed++;
            }
        }
        return resumed;
    }

    static DueItem nextPost(DigestSubscription s, Instant after) {
        return new DueItem(itemId(s), KIND, s.channel().key(), s.nextAfter(after), Map.of());
    }

    static String itemId(DigestSubscription s) {
        return "digest:" + s.channel().key();
    }
}
