package dev.opsbot.change;

import dev.opsbot.alert.ChangeWindows;
import dev.opsbot.kpi.ChangeOutcomes;
import dev.opsbot.problem.ChangeLookup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What other features ask of past and running changes: the success rate (for the KPI report) and
 * whether a change was under way on an asset at an instant (so an alert can name it).
 */
public final class ChangeRecord {

    /** Changes looked at for one question; a span with more finished changes than this is cut, and says so. */
    static final int MOST_LOOKED_AT = 5000;

    private final ChangeRequests changes;

    public ChangeRecord(ChangeRequests changes) {
        this.changes = changes;
    }

    /**
     * Of the changes carried out (finished) in {@code from}–{@code to}: how many, and how many
     * succeeded. A change that completed but was linked to an incident it caused counts as failed.
     */
    public SuccessRate successRate(Instant from, Instant to) {
        return successRate(from, to, null);
    }

    /** As {@link #successRate(Instant, Instant)}, of the changes affecting {@code service} (all when null). */
    public SuccessRate successRate(Instant from, Instant to, String service) {
        List<ChangeRequest> finished = changes.during(from, to, MOST_LOOKED_AT).stream()
                .filter(c -> service == null || c.services().contains(service))
                .filter(c -> c.state().wasCarriedOut() && c.finishedAt() != null)
                .filter(c -> !c.finishedAt().isBefore(from) && c.finishedAt().isBefore(to))
                .toList();
        long succeeded = finished.stream().filter(ChangeRequest::succeeded).count();
        return new SuccessRate(finished.size(), succeeded);
    }

    /** A change under way at {@code at} that touches {@code asset} itself or reaches it upward. */
    public Optional<ChangeRequest> inProgressOn(String asset, Instant at) {
        return changes.during(at, at.plusMillis(1), MOST_LOOKED_AT).stream()
                .filter(c -> c.inProgressAt(at) && c.touches(asset))
                .findFirst();
    }

    /** The change success rate as the KPI report reads it. */
    public ChangeOutcomes outcomes() {
        return (from, to, service) -> {
            SuccessRate rate = successRate(from, to, service);
            return rate.finished() == 0 ? new ChangeOutcomes.NoneRecorded()
                    : new ChangeOutcomes.Counted(rate.succeeded(), rate.finished() - rate.succeeded());
        };
    }

    /** Running changes as alerts read them: an alert on an asset a change is under way on is expected. */
    public ChangeWindows windows() {
        return new ChangeWindows() {
            @Override
            public Optional<String> inProgressOn(String asset, Instant at) {
                return ChangeRecord.this.inProgressOn(asset, at).map(ChangeRequest::id);
            }

            @Override
            public void attach(String changeId, String text, Instant at) {
                changes.update(changeId, c -> c.alerted(text, at));
            }
        };
    }

    /** Changes as problems read them: a problem's fix must be a change that completed. */
    public ChangeLookup lookup() {
        return id -> changes.find(id)
                .<ChangeLookup.Found>map(c -> new ChangeLookup.Recorded(c.id(), c.title(),
                        c.state() == ChangeState.COMPLETED))
                .orElseGet(ChangeLookup.Missing::new);
    }

    /** Finished changes and how many of them succeeded; {@link #percent} is empty when none finished. */
    public record SuccessRate(long finished, long succeeded) {

        public Optional<Double> percent() {
            return finished == 0 ? Optional.empty() : Optional.of(100.0 * succeeded / finished);
        }
    }
}
