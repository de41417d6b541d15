package dev.opsbot.asset;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.Refusal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code /asset link}, {@code unlink} and {@code deps}: the graph of what needs what, where either
 * end may be an asset or a service. A link that would close a cycle is refused with the cycle.
 */
public final class AssetRelations {

    /** Rows {@code /asset deps} shows; past this it says how many more there are. */
    static final int SHOWN = 50;

    /**
     * Links in this process take turns, so two links that together close a cycle cannot both pass
     * the check; the check reads the graph as it stands when its turn comes.
     */
    private final ReentrantLock turn = new ReentrantLock();
    private final Inventory inventory;
    private final AssetLinks links;

    public AssetRelations(Inventory inventory, AssetLinks links) {
        this.inventory = inventory;
        this.links = links;
    }

    /** One node reached by a walk: how far, which node, and the edge it was reached by. */
    record Step(int depth, String name, String kind, String relation, String from, boolean up) {
    }

    Reply link(CommandCall call) {
        AssetLinks.Node.Ref from = node(call.args().text("from"));
        AssetLinks.Node.Ref to = node(call.args().text("to"));
        String relation = call.args().text("relation");
        if (from.name().equals(to.name())) {
            throw Refusal.badInput(from.name() + " cannot need itself.");
        }
        turn.lock();
        try {
            AssetLinks.Node existing = links.nodes(List.of(from.name())).get(from.name());
            boolean had = existing != null && existing.needs().stream()
                    .anyMatch(e -> e.name().equals(to.name()) && e.relation().equals(relation));
            if (!had) {
                List<String> cycle = pathDown(to.name(), from.name());
                if (!cycle.isEmpty()) {
                    throw Refusal.because("That would make a cycle: " + from.name() + " " + relation + " "
                            + String.join(" → ", cycle) + ". Unlink one of them first.");
                }
            }
            // Linking again writes both halves, which repairs an edge a crash left half-written.
            links.link(from, relation, to);
            if (had) {
                return Reply.note(from.name() + " already " + relation + " " + to.name() + ".");
            }
        } finally {
            turn.unlock();
        }
        String text = from.name() + " " + relation + " " + to.name();
        for (AssetLinks.Node.Ref end : List.of(from, to)) {
            if (end.kind().equals("asset")) {
                inventory.note(end.name(), "link", "linked: " + text, call.actor(), call.now());
            }
        }
        return Reply.toChannel(Inline.strong(from.name()) + " " + relation + " " + Inline.strong(to.name()))
                .text("/asset deps " + to.name() + " --up shows everything that needs " + to.name() + ".")
                .build();
    }

    Reply unlink(CommandCall call) {
        String from = call.args().text("from").strip().toLowerCase(Locale.ROOT);
        String to = call.args().text("to").strip().toLowerCase(Locale.ROOT);
        String relation = call.args().text("relation");
        if (!links.unlink(from, relation, to)) {
            throw Refusal.because("There is no relation " + from + " " + relation + " " + to + ".");
        }
        String text = from + " " + relation + " " + to;
        for (String end : List.of(from, to)) {
            if (inventory.assets().find(end).isPresent()) {
                inventory.note(end, "link", "unlinked: " + text, call.actor(), call.now());
            }
        }
        return Reply.toChannel("Unlinked: " + text).build();
    }

    Reply deps(CommandCall call) {
        AssetLinks.Node.Ref start = node(call.args().text("from"));
        boolean up = call.args().flag("up");
        boolean down = call.args().flag("down");
        if (up && down) {
            throw Refusal.badInput("Give --up or --down, or neither for both.");
        }
        long depth = call.args().optionalInteger("depth").orElse((long) Integer.MAX_VALUE);
        if (depth < 1) {
            throw Refusal.badInput("The depth counts steps from 1.");
        }
        int max = (int) Math.min(depth, Integer.MAX_VALUE);
        List<Step> steps = new ArrayList<>();
        if (!down) {
            steps.addAll(walk(List.of(start.name()), true, max));
        }
        if (!up) {
            steps.addAll(walk(List.of(start.name()), false, max));
        }
        String title = start.name() + " (" + start.kind() + ")";
        if (steps.isEmpty()) {
            return Reply.note(title + " has no relations" + (up ? " upward" : down ? " downward" : "")
                    + "; /asset link adds one.");
        }
        long above = steps.stream().filter(Step::up).count();
        Reply.Builder b = Reply.onlyMe(title).text(count(above, "needs it") + ", " + count(steps.size() - above,
                "it needs") + (depth == Integer.MAX_VALUE ? "." : " within " + depth + (depth == 1 ? " step." : " steps.")));
        steps.stream().limit(SHOWN).forEach(s -> b.row(row(s)));
        if (steps.size() > SHOWN) {
            b.footer("Showing " + SHOWN + " of " + steps.size() + "; narrow with --up, --down or --depth.");
        }
        return b.build();
    }

    private static String count(long n, String what) {
        return n + (n == 1 ? " node " : " nodes ") + what.replace("needs it", n == 1 ? "needs it" : "need it");
    }

    private static String row(Step s) {
        String indent = "  ".repeat(Math.min(s.depth() - 1, 8));
        String arrow = s.up() ? "↑ " : "↓ ";
        String edge = s.up() ? s.relation() + " " + s.from() : "(" + s.from() + " " + s.relation() + " it)";
        return indent + arrow + Inline.strong(s.name()) + " · " + s.kind() + " · " + edge;
    }

    /**
     * Every node reached from {@code starts}: upward follows what needs each node, downward what
     * each needs. One read per level, of the level's nodes by name.
     */
    List<Step> walk(Collection<String> starts, boolean up, int maxDepth) {
        List<Step> steps = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(starts);
        Set<String> frontier = new TreeSet<>(starts);
        for (int depth = 1; depth <= maxDepth && !frontier.isEmpty(); depth++) {
            Map<String, AssetLinks.Node> nodes = links.nodes(frontier);
            Set<String> next = new TreeSet<>();
            for (String name : frontier) {
                AssetLinks.Node node = nodes.get(name);
                if (node == null) {
                    continue;
                }
                for (AssetLinks.Edge e : up ? node.neededBy() : node.needs()) {
                    if (seen.add(e.name())) {
                        steps.add(new Step(depth, e.name(), e.kind(), e.relation(), name, up));
                        next.add(e.name());
                    }
                }
            }
            frontier = next;
        }
        return steps;
    }

    /** The nodes from {@code start} down to {@code goal} through what each needs, or empty if none leads there. */
    private List<String> pathDown(String start, String goal) {
        Map<String, String> cameFrom = new HashMap<>();
        Map<String, String> relationTo = new HashMap<>();
        cameFrom.put(start, null);
        Set<String> frontier = new TreeSet<>(List.of(start));
        while (!frontier.isEmpty()) {
            Map<String, AssetLinks.Node> nodes = links.nodes(frontier);
            Set<String> next = new TreeSet<>();
            for (String name : frontier) {
                AssetLinks.Node node = nodes.get(name);
                for (AssetLinks.Edge e : node == null ? List.<AssetLinks.Edge>of() : node.needs()) {
                    if (cameFrom.containsKey(e.name())) {
                        continue;
                    }
                    cameFrom.put(e.name(), name);
                    relationTo.put(e.name(), e.relation());
                    if (e.name().equals(goal)) {
                        return path(cameFrom, relationTo, goal);
                    }
                    next.add(e.name());
                }
            }
            frontier = next;
        }
        return List.of();
    }

    private static List<String> path(Map<String, String> cameFrom, Map<String, String> relationTo, String goal) {
        List<String> reversed = new ArrayList<>();
        for (String at = goal; at != null; at = cameFrom.get(at)) {
            String rel = relationTo.get(at);
            reversed.add(0, rel == null ? at : rel + " " + at);
        }
        return List.of(String.join(" ", reversed));
    }

    /** What a typed name is: an asset, else a service, else a refusal. */
    AssetLinks.Node.Ref node(String typed) {
        String name = typed.strip().toLowerCase(Locale.ROOT);
        if (inventory.assets().find(name).isPresent()) {
            return new AssetLinks.Node.Ref(name, "asset");
        }
        if (inventory.services().find(name).isPresent()) {
            return new AssetLinks.Node.Ref(name, "service");
        }
        throw Refusal.badInput("There is no asset or service “" + typed + "”; /asset list and /service list show them.");
    }

    /** The services an asset belongs to: the one it declares and those linked to it directly. */
    Set<String> servicesOf(Asset a) {
        Set<String> out = new TreeSet<>();
        if (a.service() != null) {
            out.add(a.service());
        }
        AssetLinks.Node node = links.nodes(List.of(a.name())).get(a.name());
        if (node != null) {
            node.needs().stream().filter(e -> e.kind().equals("service")).forEach(e -> out.add(e.name()));
            node.neededBy().stream().filter(e -> e.kind().equals("service")).forEach(e -> out.add(e.name()));
        }
        return out;
    }

    /** Adds an asset's direct relations to its card. */
    void describe(String name, Reply.Builder b) {
        AssetLinks.Node node = links.nodes(List.of(name)).get(name);
        if (node == null || node.needs().isEmpty() && node.neededBy().isEmpty()) {
            b.field("Relations", "none; /asset link " + name + " depends-on <asset or service>");
            return;
        }
        if (!node.needs().isEmpty()) {
            b.field("Needs", String.join("\n", node.needs().stream()
                    .map(e -> e.relation() + " " + e.name() + " (" + e.kind() + ")").toList()));
        }
        if (!node.neededBy().isEmpty()) {
            b.field("Needed by", String.join("\n", node.neededBy().stream()
                    .map(e -> e.name() + " (" + e.kind() + ") " + e.relation() + " it").toList()));
        }
    }
}
