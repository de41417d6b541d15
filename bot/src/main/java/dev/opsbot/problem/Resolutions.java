package dev.opsbot.problem;

import dev.opsbot.command.CommandCall;
import dev.opsbot.command.Refusal;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * What a problem's fix and resolution depend on: the fixing change as changes record it, the
 * day an accepted risk is reviewed, and the follow-ups (preventive actions, the review) that
 * remind people through the due items.
 */
final class Resolutions {

    /** Reviews and actions on a day are reminded at this time of the team's day. */
    static final LocalTime REVIEW_TIME = LocalTime.of(9, 0);
    private static final String SEE_ACCEPT = " --accept-risk --review <date> resolves it without one.";

    private final ChangeLookup changes;
    private final DueItems due;
    private final ZoneId zone;

    Resolutions(ChangeLookup changes, DueItems due, ZoneId zone) {
        this.changes = changes;
        this.due = due;
        this.zone = zone;
    }

    /** Refuses a change that cannot be named as a fix: changes are not recorded here, or this one is not. */
    void requireRecorded(String change, String problem) {
        ChangeLookup.Found found = changes.find(change);
        if (found instanceof ChangeLookup.Unrecorded) {
            throw Refusal.because("Changes are not recorded here, so " + change + " cannot be named as the fix of "
                    + problem + ";" + SEE_ACCEPT);
        }
        if (found instanceof ChangeLookup.Missing) {
            throw Refusal.badInput("There is no change " + change + ".");
        }
        // A recorded change may be named before it is carried out; resolving checks it is completed.
    }

    /** Whether {@code p} may be resolved as asked, and on what grounds; refuses otherwise. */
    Decision decide(Problem p, CommandCall call) {
        if (!p.status().isLive()) {
            throw Refusal.because(p.id() + " is already resolved.");
        }
        boolean accept = call.args().flag("accept-risk");
        Optional<String> review = call.args().optionalText("review");
        if (!accept) {
            if (review.isPresent()) {
                throw Refusal.badInput("--review goes with --accept-risk: it is the day to look again at a risk "
                        + "you accept.");
            }
            return fixed(p);
        }
        String day = review.orElseThrow(() -> Refusal.badInput("Accepting the risk needs a day to review it, like "
                + "--review 2027-01-14."));
        LocalDate on;
        try {
            on = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw Refusal.badInput("“" + day + "” is not a date; write it like 2027-01-14.");
        }
        LocalDate today = LocalDate.ofInstant(call.now(), zone);
        if (!on.isAfter(today) || on.isAfter(today.plusYears(5))) {
            throw Refusal.badInput("The review day must be after today and within five years.");
        }
        return new Decision(on, "risk accepted, to be reviewed on " + on + ".");
    }

    private Decision fixed(Problem p) {
        String fix = p.fixChange();
        if (fix == null) {
            throw Refusal.because(p.id() + " has no fix yet: name it with /problem fix " + p.id() + " --change CHG-n;"
                    + SEE_ACCEPT);
        }
        ChangeLookup.Found found = changes.find(fix);
        if (found instanceof ChangeLookup.Recorded r) {
            if (!r.completed()) {
                throw Refusal.because("The fix " + fix + " is not completed yet; resolve " + p.id() + " once it is.");
            }
            return new Decision(null, "its fix " + fix + " is completed.");
        }
        throw Refusal.because(found instanceof ChangeLookup.Unrecorded
                ? "Changes are not recorded here, so the fix " + fix + " cannot be checked as completed;" + SEE_ACCEPT
                : "The fix " + fix + " is not a recorded change;" + SEE_ACCEPT);
    }

    /** Schedules the reminder of a preventive action, waiting on its owner. */
    void remind(Problem p, Problem.Action a) {
        due.schedule(new DueItem(actionItem(p.id(), a.number()), ProblemReminders.ACTION, p.id(), a.due(),
                Map.of(DueItem.LABEL, "Preventive action " + a.number() + " of " + p.id() + ": " + a.text(),
                        DueItem.OWNER, a.owner().key())));
    }

    /** Schedules the review of an accepted risk, waiting on the problem's owner (or whoever resolved it). */
    void scheduleReview(Problem p) {
        if (p.reviewOn() == null) {
            return;
        }
        Instant at = p.reviewOn().atTime(REVIEW_TIME).atZone(zone).toInstant();
        var who = p.owner() != null ? p.owner() : p.resolvedBy();
        due.schedule(new DueItem(reviewItem(p.id()), ProblemReminders.REVIEW, p.id(), at,
                Map.of(DueItem.LABEL, "Review the accepted risk of " + p.id() + ": " + p.statement(),
                        DueItem.OWNER, who.key())));
    }

    static String actionItem(String problem, int number) {
        return "problem.action:" + problem + ":" + number;
    }

    static String reviewItem(String problem) {
        return "problem.review:" + problem;
    }

    /** A resolution allowed: the review day when the risk was accepted (else null), and why, for the card. */
    record Decision(LocalDate reviewOn, String why) {
    }
}
