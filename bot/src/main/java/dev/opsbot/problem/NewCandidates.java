package dev.opsbot.problem;

import dev.opsbot.digest.DigestSection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The digest's line-up of candidate problems from the last week: groups of alike incidents that
 * no problem links yet, with where to open one.
 */
public final class NewCandidates implements DigestSection {

    static final Duration WEEK = Duration.ofDays(7);
    private static final int SHOWN = 5;

    private final Candidates candidates;

    public NewCandidates(Candidates candidates) {
        this.candidates = candidates;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String title() {
        return "Recurring incidents this week";
    }

    @Override
    public List<String> lines(Instant now, ZoneId zone) {
        Candidates.Found found = candidates.since(now.minus(WEEK));
        return DigestSection.firstOf(found.groups(), SHOWN, CandidateAnswers::explain,
                "/problem candidates --days 7");
    }
}
