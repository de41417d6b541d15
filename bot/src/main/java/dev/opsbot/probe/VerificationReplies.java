package dev.opsbot.probe;

import dev.opsbot.asset.Asset;
import dev.opsbot.asset.AssetObservations.Health;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.digest.DigestSection;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How a verification reads in chat: one asset with its evidence and buttons, or many as counts and the worst first. */
public final class VerificationReplies {

    /** Rows a many-asset answer lists before counting the rest. */
    static final int SHOWN = 20;

    private final int pool;

    public VerificationReplies(int pool) {
        this.pool = pool;
    }

    Reply one(AssetVerification.Checked c, ZoneId zone, Instant now) {
        Asset a = c.asset();
        Reply.Builder b = Reply.toChannel(Inline.strong(a.name()) + " · " + word(c.verdict().health()))
                .field("Declared", a.state())
                .field("Checked", TimeText.at(c.observation().checkedAt(), zone, now))
                .rows(c.observation().evidence())
                .tone(tone(c.verdict().health(), !c.verdict().drift().isEmpty()));
        if (!c.verdict().drift().isEmpty()) {
            b.field("Drift", String.join("\n", c.verdict().drift()));
        }
        buttons(c, b);
        return b.build();
    }

    Reply many(List<AssetVerification.Checked> checked, ZoneId zone, Instant now, long millis) {
        Map<Health, Integer> counts = new EnumMap<>(Health.class);
        checked.forEach(c -> counts.merge(c.verdict().health(), 1, Integer::sum));
        long drifting = checked.stream().filter(c -> !c.verdict().drift().isEmpty()).count();
        List<AssetVerification.Checked> worst = checked.stream()
                .filter(c -> c.verdict().health() != Health.OK || !c.verdict().drift().isEmpty())
                .sorted(Comparator.comparing((AssetVerification.Checked c) -> c.verdict().drift().isEmpty())
                        .thenComparing(c -> rank(c.verdict().health()))
                        .thenComparing(c -> c.asset().name()))
                .toList();
        StringBuilder text = new StringBuilder();
        for (Health h : Health.values()) {
            text.append(text.length() == 0 ? "" : " · ").append(counts.getOrDefault(h, 0)).append(' ').append(word(h));
        }
        text.append("; drift on ").append(drifting).append(drifting == 1 ? " asset." : " assets.");
        Reply.Builder b = Reply.toChannel("Verified " + checked.size() + " assets")
                .text(text.toString())
                .rows(DigestSection.firstOf(worst, SHOWN, VerificationReplies::row,
                        drifting > SHOWN ? "/asset list --drift" : "/asset verify <name> shows one"))
                .footer("Checked " + TimeText.at(now, zone, now) + " in " + seconds(millis) + ", " + pool
                        + " probes at a time.")
                .tone(drifting > 0 ? Reply.Tone.WARNING : worst.isEmpty() ? Reply.Tone.SUCCESS : Reply.Tone.INFO);
        return b.build();
    }

    /** Accept what was observed, or open an incident about it; only when something drifted. */
    static void buttons(AssetVerification.Checked c, Reply.Builder b) {
        Asset a = c.asset();
        if (!c.verdict().observedState().isEmpty()) {
            b.button("Mark " + c.verdict().observedState(), "/asset set " + a.name() + " state "
                    + c.verdict().observedState() + " --reason \"observed by /asset verify\"", Reply.Button.Style.PRIMARY);
        }
        if (!c.verdict().drift().isEmpty()) {
            String title = (a.name() + ": " + c.verdict().drift().get(0)).replace("\"", "'").replaceAll("\\.$", "");
            b.button("Open an incident", "/incident declare sev3 \"" + title + "\""
                    + (a.service() == null ? "" : " --service " + a.service()), Reply.Button.Style.DANGER);
        }
    }

    static String row(AssetVerification.Checked c) {
        String why = c.verdict().drift().isEmpty()
                ? c.observation().evidence().stream().findFirst().orElse("")
                : String.join(" ", c.verdict().drift());
        return Inline.strong(c.asset().name()) + " · " + word(c.verdict().health()) + " · " + why;
    }

    static String word(Health h) {
        return h.name().toLowerCase(Locale.ROOT);
    }

    private static int rank(Health h) {
        return switch (h) {
            case UNREACHABLE -> 0;
            case DEGRADED -> 1;
            case UNKNOWN -> 2;
            case OK -> 3;
        };
    }

    static Reply.Tone tone(Health h, boolean drift) {
        return h == Health.UNREACHABLE ? Reply.Tone.DANGER
                : h == Health.OK && !drift ? Reply.Tone.SUCCESS : Reply.Tone.WARNING;
    }

    private static String seconds(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
