package dev.opsbot.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's tables in Markdown, as docs/benchmarks.md shows them. */
record Report(Benchmark.Options o, Map<String, List<Double>> starts, SlackProbe.Series floor,
        Map<Integer, Map<String, Benchmark.Measured>> bySize, Map<Integer, Benchmark.Measured> during,
        Map<Integer, Integer> overlapped, Map<String, Benchmark.Measured> rolesOff, Map<String, Benchmark.Measured> rolesOn, List<Burst.Result> bursts, String loadBefore, String loadAfter, double minutes) {

    String markdown() {
        StringBuilder out = new StringBuilder();
        if (!starts.isEmpty()) {
            out.append("### Start-up (fresh JVM, `java -jar ").append(o.jar()).append("`)\n\n");
            out.append("| what | runs (s) | median (s) |\n|---|---|---:|\n");
            starts.forEach((what, runs) -> out.append(String.format(Locale.ROOT, "| %s | %s | %.2f |%n", what,
                    String.join(", ", runs.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList()),
                    runs.stream().sorted().toList().get(runs.size() / 2))));
            out.append('\n');
        }
        out.append("### Slack commands, one client, p50 / p99 in ms\n\n| command |");
        bySize.keySet().forEach(size -> out.append(' ').append(Benchmark.size(size)).append(" p50 | ")
                .append(Benchmark.size(size)).append(" p99 |"));
        out.append("\n|---|");
        bySize.keySet().forEach(size -> out.append("---:|---:|"));
        out.append("\n| bare Bolt app (ack only, the floor) |");
        bySize.keySet().forEach(size -> out.append(String.format(Locale.ROOT, " %.2f | %.2f |", floor.p50(),
                floor.p99())));
        for (String command : Benchmark.COMMANDS) {
            out.append("\n| `/incident ").append(command).append("` |");
            bySize.values().forEach(row -> out.append(String.format(Locale.ROOT, " %.2f | %.2f |",
                    row.get(command).series().p50(), row.get(command).series().p99())));
        }
        out.append("\n| a declare sent while a full list runs |");
        during.values().forEach(m -> out.append(String.format(Locale.ROOT, " %.2f | %.2f |", m.series().p50(),
                m.series().p99())));

        if (!rolesOn.isEmpty()) {
            int size = bySize.keySet().iterator().next();
            Map<String, Benchmark.Measured> off = rolesOff;
            out.append("\n\n### Roles off and on, ").append(Benchmark.size(size))
                    .append(" incidents (each on a fresh application and store, one after the other)\n\n")
                    .append("| command | off p50 | off p99 | on p50 | on p99 | off round trips | on round trips |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|");
            rolesOn.forEach((command, on) -> out.append(String.format(Locale.ROOT,
                    "%n| `/incident %s` | %.2f | %.2f | %.2f | %.2f |%s%s", command, off.get(command).series().p50(),
                    off.get(command).series().p99(), on.series().p50(), on.series().p99(), trips(off.get(command)),
                    trips(on))));
        }
        if (!bursts.isEmpty()) {
            out.append("\n\n### Burst: declarations from ").append(Burst.CLIENTS)
                    .append(" clients at once, announced through the outbox\n\n")
                    .append("| declarations | channels | answered | declared in (s) | last post after the last"
                            + " declaration (s) | posts | missing | announced twice | closest posts to a channel (ms) |\n")
                    .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            bursts.forEach(b -> out.append(String.format(Locale.ROOT, "%n| %d | %d | %d | %.1f | %.2f | %d | %d | %d | %d |",
                    b.declarations(), b.channels(), b.answered(), b.declaring(), b.lastPostAfter(), b.posts(),
                    b.missing(), b.repeated(), b.closestMillis())));
        }
        out.append("\n\n### Store round trips per command: request path + delivery\n\n| command |");
        bySize.keySet().forEach(size -> out.append(' ').append(Benchmark.size(size)).append(" |"));
        out.append("\n|---|");
        bySize.keySet().forEach(size -> out.append("---:|"));
        for (String command : Benchmark.COMMANDS) {
            out.append("\n| `/incident ").append(command).append("` |");
            bySize.values().forEach(row -> out.append(trips(row.get(command))));
        }
        out.append("\n| declare while a list runs (with its list) |");
        during.values().forEach(m -> out.append(trips(m)));

        out.append("\n\n### Commands answered (ok / failed)\n\n| command |");
        bySize.keySet().forEach(size -> out.append(' ').append(Benchmark.size(size)).append(" |"));
        out.append("\n|---|");
        bySize.keySet().forEach(size -> out.append("---:|"));
        out.append(String.format(Locale.ROOT, "%n| bare Bolt app | %d / %d (each size) |", floor.ok(), floor.failed()));
        bySize.keySet().stream().skip(1).forEach(size -> out.append(" |"));
        for (String command : Benchmark.COMMANDS) {
            out.append("\n| `/incident ").append(command).append("` |");
            bySize.values().forEach(row -> out.append(String.format(Locale.ROOT, " %d / %d |",
                    row.get(command).series().ok(), row.get(command).series().failed())));
        }
        out.append("\n| declare while a list runs (list still running when answered) |");
        during.forEach((size, m) -> out.append(String.format(Locale.ROOT, " %d / %d (%d) |", m.series().ok(),
                m.series().failed(), overlapped.get(size))));
        rolesOff.forEach((command, m) -> out.append(String.format(Locale.ROOT, "%n| `/incident %s`, roles off | %d / %d |",
                command, m.series().ok(), m.series().failed())));
        rolesOn.forEach((command, m) -> out.append(String.format(Locale.ROOT, "%n| `/incident %s`, roles on | %d / %d |",
                command, m.series().ok(), m.series().failed())));

        out.append(String.format(Locale.ROOT, "%n%nSizes are closed incidents in the archive; each store's working set holds %d more "
                + "(half open, half resolved) and %d open, unacknowledged ones declared through the app. Up to %d s per command and size (at least %d, at most %d commands). "
                + "Machine: %d cores, %s %s, Java %s, max heap %d MiB.%n", Seeding.WORKING, o.open(), o.budget().toSeconds(),
                o.min(), o.max(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        out.append(String.format(Locale.ROOT, "Load average (1, 5, 15 min) before: %s; after: %s. "
                + "The run took %.1f minutes.%n", loadBefore, loadAfter, minutes));
        return out.toString();
    }

    private static String trips(Benchmark.Measured m) {
        // The background taken off is an estimate; what is left of it around zero is noise, not a saving.
        return String.format(Locale.ROOT, " %.1f + %.1f |", Math.max(0, m.request()), Math.max(0, m.delivery()));
    }
}
