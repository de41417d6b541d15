package dev.opsbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.alert.AlertCommands;
import dev.opsbot.alert.AlertGroups;
import dev.opsbot.alert.AlertRoutes;
import dev.opsbot.alert.Heartbeats;
import dev.opsbot.audit.AuditCommands;
import dev.opsbot.audit.AuditTrail;
import dev.opsbot.capacity.CapacityCommands;
import dev.opsbot.capacity.ReportSchedules;
import dev.opsbot.capacity.ScriptedMetrics;
import dev.opsbot.capacity.Watches;
import dev.opsbot.channel.ChannelCommands;
import dev.opsbot.channel.ChannelZones;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.digest.Digest;
import dev.opsbot.digest.DigestCommands;
import dev.opsbot.digest.DigestSubscriptions;
import dev.opsbot.incident.KnownServices;
import dev.opsbot.ownership.OpsFixture;
import dev.opsbot.problem.ChangeLookup;
import dev.opsbot.problem.ProblemCommands;
import dev.opsbot.problem.Problems;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every example an option's description gives (what Discord shows, and all it shows) is accepted
 * by the command it belongs to, run for real; and every duration, zone or time option gives one.
 */
class OptionExamplesTest {

    private static final Pattern DURATION = Pattern.compile("(?<![\\w/])\\d+[smhdw](?:\\d+[smhdw])*(?![\\w/])");
    private static final Pattern ZONE = Pattern.compile("\\b[A-Z][a-z]+/[A-Za-z_]+\\b");
    private static final Pattern CLOCK = Pattern.compile("(?:\\b[a-z]{3} )?\\b\\d\\d:\\d\\d\\b");

    /** How each such option is tried: the command line with {@code %s} where the example goes. */
    private static final Map<String, String> TRIED_WITH = Map.ofEntries(
            Map.entry("oncall override duration", "/oncall override @carol %s --service payments"),
            Map.entry("oncall rotation every", "/oncall rotation create r%d --members @a,@b --every %s"),
            Map.entry("oncall rotation handoff", "/oncall rotation create r%d --members @a,@b --handoff \"%s\""),
            Map.entry("oncall rotation tz", "/oncall rotation create r%d --members @a,@b --tz %s"),
            Map.entry("escalation set sev1", "/escalation set payments --sev1 %s"),
            Map.entry("escalation set sev2", "/escalation set payments --sev2 %s"),
            Map.entry("escalation set sev3", "/escalation set payments --sev3 %s"),
            Map.entry("escalation set sev4", "/escalation set payments --sev4 %s"),
            Map.entry("followup snooze for", "/followup snooze FU-1 %s"),
            Map.entry("audit show since", "/audit --actor @lead --since %s"),
            Map.entry("digest subscribe time", "/digest subscribe #ops daily %s"),
            Map.entry("digest subscribe tz", "/digest subscribe #ops daily 09:00 --tz %s"),
            Map.entry("channel zone zone", "/channel zone #ops %s"),
            Map.entry("alert heartbeat every", "/alert heartbeat Watchdog --every %s"),
            Map.entry("problem action due", "/problem action PRB-1 check the pool --owner @bob --due %s"),
            Map.entry("capacity forecast lookback", "/capacity forecast used --lookback %s"),
            Map.entry("capacity forecast horizon", "/capacity forecast used --horizon %s"),
            Map.entry("capacity schedule time", "/capacity schedule #ops daily %s"),
            Map.entry("capacity schedule tz", "/capacity schedule #ops daily 09:00 --tz %s"));

    private final OpsFixture ops = new OpsFixture();
    private int rotations;

    @AfterEach
    void close() {
        ops.close();
    }

    @Test
    void everyExampleInAnOptionDescriptionIsAcceptedByItsCommand() {
        var db = ops.core.store.database();
        ops.core.with(AuditCommands.ROOT.handledBy(new AuditCommands(AuditTrail.inMongo(db), ZoneOffset.UTC)))
                .with(DigestCommands.ROOT.handledBy(new DigestCommands(DigestSubscriptions.inMongo(db),
                        new Digest(List.of()), ops.due, ops.core.audit, ZoneOffset.UTC)))
                .with(ChannelCommands.ROOT.handledBy(new ChannelCommands(
                        ChannelZones.inMongo(db, ZoneOffset.UTC, ops.core.clock), ops.core.audit)))
                .with(AlertCommands.ROOT.handledBy(new AlertCommands(AlertGroups.inMongo(db), AlertRoutes.inMongo(db),
                        Heartbeats.inMongo(db), ops.core.counters, ops.core.audit)))
                .with(ProblemCommands.ROOT.handledBy(new ProblemCommands(Problems.inMongo(db, ops.core.counters),
                        ops.core.incidents, ops.core.outbox, ChangeLookup.NONE, ops.due, KnownServices.ANY,
                        ops.core.audit, ZoneOffset.UTC)))
                .with(CapacityCommands.ROOT.handledBy(new CapacityCommands(Watches.inMongo(db),
                        ReportSchedules.inMongo(db), new ScriptedMetrics(ops.core.clock.instant().minus(Duration.ofDays(400)))
                        .define("used", d -> 1).define("full", d -> 10), ops.core.audit, ZoneOffset.UTC)));
        ops.ok("lead", "/service add payments --team core --channel #payments --tier 1");
        ops.ok("lead", "/oncall rotation create payments-primary --members @alice,@bob --service payments");
        ops.ok("dave", "/incident declare sev3 \"slow search\"");
        ops.ok("dave", "/owner handover INC-1 @erin");
        ops.ok("lead", "/problem open slow search --from INC-1");
        ops.ok("lead", "/capacity watch add used --query used --max full");

        List<String> tried = new ArrayList<>();
        for (CommandRoot<?> root : OpsbotCatalog.roots()) {
            for (CommandSpec<?> spec : root.commands()) {
                for (OptionSpec o : spec.options()) {
                    List<String> examples = examples(o);
                    String key = root.name() + " " + spec.name() + " " + o.name();
                    if (o.type() == OptionType.DURATION || o.type() == OptionType.ZONE) {
                        assertThat(examples).as("%s gives an example of how it is written", key).isNotEmpty();
                    }
                    if (examples.isEmpty()) {
                        continue;
                    }
                    assertThat(TRIED_WITH).as("how to try the examples of %s", key).containsKey(key);
                    for (String example : examples) {
                        String line = line(TRIED_WITH.get(key), example);
                        Reply reply = ops.run(o.name().equals("for") ? "erin" : "lead", line);
                        assertThat(reply.isPrivate() && reply.tone() == Reply.Tone.WARNING)
                                .as("%s, from “%s”, was refused: %s", line, o.description(), reply.plainText())
                                .isFalse();
                        tried.add(key + " " + example);
                    }
                }
            }
        }
        assertThat(tried).contains("oncall rotation every 1w", "oncall rotation handoff mon 09:00",
                "escalation set sev1 5m", "digest subscribe tz Europe/London");
    }

    private String line(String template, String example) {
        return template.contains("%d") ? String.format(template, ++rotations, example) : String.format(template, example);
    }

    private static List<String> examples(OptionSpec o) {
        Pattern p = switch (o.type()) {
            case DURATION -> DURATION;
            case ZONE -> ZONE;
            default -> CLOCK;
        };
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(o.description());
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
