package dev.opsbot.ownership;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.TimeText;
import dev.opsbot.digest.DigestSection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The digest's list of handovers nobody has answered yet. */
public final class PendingHandovers implements DigestSection {

    private final HandoverOffers offers;

    public PendingHandovers(HandoverOffers offers) {
        this.offers = offers;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String title() {
        return "Pending handovers";
    }

    @Override
    public List<String> lines(Instant now, ZoneId zone) {
        return offers.all(50).stream()
                .map(o -> o.label() + ": " + Inline.user(o.from()) + " → " + Inline.user(o.to()) + ", waiting "
                        + TimeText.span(Duration.between(o.at(), now)))
                .toList();
    }
}
