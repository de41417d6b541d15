package dev.opsbot.incident;

import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.Pages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /incident list} and {@code /incident history}: a page at a time, each saying how much
 * there is in all and how to see the rest, so nothing is ever cut silently.
 */
final class IncidentLists {

    /** Rows per list page: room for every row in one Slack message or Discord embed. */
    static final int PAGE = 25;
    /** Incidents shown per history page. */
    static final int HISTORY_PAGE = 20;
    /**
     * Most incidents one filtered history page looks at. Filters over the archive cannot be
     * served by an index on every store, so a page looks at a bounded stretch of numbers.
     */
    static final int HISTORY_LOOK_AT = 200;

    private IncidentLists() {
    }

    static Reply list(Incidents incidents, CommandCall call, String service) {
        var args = call.args();
        boolean open = args.flag("open");
        boolean mine = args.flag("mine");
        Severity severity = args.optionalText("sev").flatMap(Severity::parse).orElse(null);
        long number = Pages.requested(call);
        Incidents.Query query = new Incidents.Query(open, mine ? call.actor() : null, service, severity, PAGE);
        Incidents.Page page = incidents.page(query, (int) Math.min(number, Integer.MAX_VALUE));
        String again = "/incident list" + (open ? " --open" : "") + (mine ? " --mine" : "") + narrowing(service, severity);
        String older = open ? "" : "Older incidents: /incident history" + narrowing(service, severity) + ".";
        if (page.total() == 0) {
            return Reply.note("No incidents match." + (older.isEmpty() ? "" : " " + older));
        }
        long pages = Pages.count(page.total(), PAGE);
        if (page.items().isEmpty()) {
            throw Pages.pastTheEnd(page.total(), String.valueOf(page.total()), "incident", "incidents", pages);
        }
        Instant now = call.now();
        String title = page.items().size() == page.total() ? count(page.total(), "incident")
                : "Showing " + page.first() + "–" + page.last() + " of " + count(page.total(), "incident");
        List<String> footer = new ArrayList<>();
        if (page.last() < page.total()) {
            footer.add("Page " + number + " of " + pages + ". Next: " + again + " --page " + (number + 1) + ".");
        }
        if (!older.isEmpty()) {
            footer.add(older);
        }
        Reply.Builder b = Reply.onlyMe(title).rows(page.items().stream().map(i -> IncidentCards.row(i, now)).toList());
        if (!footer.isEmpty()) {
            b.footer(String.join(" ", footer));
        }
        return b.build();
    }

    static Reply history(Incidents incidents, CommandCall call, String service) {
        var args = call.args();
        Severity severity = args.optionalText("sev").flatMap(Severity::parse).orElse(null);
        long below = args.optionalText("before").map(IncidentLists::number).orElse(0L);
        if (args.has("before") && below <= 1) {
            return Reply.note("There is nothing before INC-" + below + ".");
        }
        Incidents.Query filter = new Incidents.Query(false, null, service, severity, HISTORY_PAGE);
        Incidents.History page = incidents.history(filter, below,
                filter.filtered() ? HISTORY_LOOK_AT : HISTORY_PAGE);
        if (page.newest() < page.oldest()) {
            return Reply.note(below > 0 ? "There is nothing before INC-" + below + "." : "No incidents yet.");
        }
        String stretch = "INC-" + page.newest() + (page.newest() == page.oldest() ? "" : " to INC-" + page.oldest());
        String title = filter.filtered()
                ? count(page.items().size(), "match") + " among " + stretch
                : "History: " + stretch;
        Reply.Builder b = Reply.onlyMe(title)
                .text("About " + String.format(Locale.ROOT, "%,d", page.total())
                        + " incidents in all, newest first."
                        + (filter.filtered() ? " A filtered page looks at " + HISTORY_LOOK_AT
                                + " incidents at most, so it may show few or none; --before goes further back." : ""));
        Instant now = call.now();
        page.items().forEach(i -> b.row(IncidentCards.row(i, now)));
        if (!page.reachedStart()) {
            b.footer("Older: /incident history" + narrowing(service, severity) + " --before INC-" + page.oldest()
                    + ".");
        }
        return b.build();
    }

    private static long number(String id) {
        return Long.parseLong(id.substring(id.indexOf('-') + 1));
    }

    private static String narrowing(String service, Severity severity) {
        return (service == null ? "" : " --service " + service) + (severity == null ? "" : " --sev " + severity.word());
    }

    private static String count(long n, String noun) {
        String plural = noun.endsWith("ch") ? noun + "es" : noun + "s";
        return String.format(Locale.ROOT, "%,d", n) + " " + (n == 1 ? noun : plural);
    }
}
