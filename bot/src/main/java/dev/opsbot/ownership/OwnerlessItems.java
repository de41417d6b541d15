package dev.opsbot.ownership;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.schedule.Routine;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * No item is silently ownerless: every hour, each live item nobody owns is named in its channel
 * with a button to take it. The key names the scheduled hour, so two instances post once.
 */
public final class OwnerlessItems {

    private final Owners owners;
    private final Notifier notifier;

    public OwnerlessItems(Owners owners, Notifier notifier) {
        this.owners = owners;
        this.notifier = notifier;
    }

    public Routine routine() {
        return new Routine("ownerless-items", "0 0 * * * ?", ZoneOffset.UTC, this::sweep);
    }

    /** Pings each ownerless item's channel; returns how many were named. */
    public int sweep(Instant scheduledAt) {
        int named = 0;
        for (Owned item : owners.ownerless(100)) {
            notifier.announce(item.channel(), Reply.toChannel("Nobody owns " + item.label())
                            .text("Every " + item.kind() + " needs an owner. " + Inline.channel(item.channel())
                                    + ", who takes it?")
                            .button("Take it", "/owner take " + item.item(), Reply.Button.Style.PRIMARY)
                            .tone(Reply.Tone.WARNING)
                            .build(),
                    "ownerless:" + item.item() + ":" + scheduledAt.getEpochSecond());
            named++;
        }
        return named;
    }
}
