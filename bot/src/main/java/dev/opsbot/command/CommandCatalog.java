package dev.opsbot.command;

import dev.opsbot.chat.Reply;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every command opsbot knows, declared once. The router parses from it, help is printed from it,
 * and the adapters generate the Slack manifest and the Discord registration from it.
 */
public final class CommandCatalog {

    private final List<CommandRoot<?>> roots;

    public CommandCatalog(List<CommandRoot<?>> roots) {
        this.roots = List.copyOf(roots);
        long distinct = roots.stream().map(CommandRoot::name).distinct().count();
        if (distinct != roots.size()) {
            throw new IllegalArgumentException("two command roots share a name");
        }
    }

    public List<CommandRoot<?>> roots() {
        return roots;
    }

    public Optional<CommandRoot<?>> root(String name) {
        return roots.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public Optional<String> nearestRoot(String typed) {
        return nearest(typed, roots.stream().map(CommandRoot::name).toList());
    }

    public static Optional<String> nearestCommand(CommandRoot<?> root, String typed) {
        return nearest(typed, root.commands().stream().map(CommandSpec::name).toList());
    }

    /** Which commands help lists for the person asking: those they may run. */
    @FunctionalInterface
    public interface Shown {
        Shown ALL = (root, command) -> true;

        boolean test(CommandRoot<?> root, CommandSpec<?> command);
    }

    /** {@code /help}: every root with its subcommands' usage lines. */
    public Reply help() {
        return help(Shown.ALL);
    }

    /** {@code /help} for one person: the roots with at least one command they may run, and how many are hidden. */
    public Reply help(Shown shown) {
        Reply.Builder b = Reply.onlyMe("opsbot commands");
        int hidden = 0;
        for (CommandRoot<?> root : roots) {
            long may = root.commands().stream().filter(c -> shown.test(root, c)).count();
            hidden += root.commands().size() - (int) may;
            if (may > 0) {
                b.row("/" + root.name() + " — " + root.summary());
            }
        }
        b.footer("Type /<command> help for the subcommands, e.g. /incident help." + hiddenNote(hidden));
        return b.build();
    }

    /** {@code /incident help}: the subcommands, their usage and an example. */
    public static Reply help(CommandRoot<?> root) {
        return help(root, Shown.ALL);
    }

    /** {@code /incident help} for one person: only the subcommands they may run. */
    public static Reply help(CommandRoot<?> root, Shown shown) {
        Reply.Builder b = Reply.onlyMe("/" + root.name() + " — " + root.summary());
        int hidden = 0;
        for (CommandSpec<?> c : root.commands()) {
            if (!shown.test(root, c)) {
                hidden++;
                continue;
            }
            String row = c.usage(root.name()) + "\n    " + c.summary();
            if (!c.example().isEmpty()) {
                row += "\n    e.g. " + c.example();
            }
            b.row(row);
        }
        if (hidden > 0) {
            b.footer(hiddenNote(hidden).strip());
        }
        return b.build();
    }

    private static String hiddenNote(int hidden) {
        if (hidden == 0) {
            return "";
        }
        return " " + hidden + (hidden == 1 ? " command is" : " commands are")
                + " hidden because your role does not allow them; /role list shows your roles.";
    }

    static String usageList(CommandRoot<?> root) {
        return "/" + root.name() + " " + String.join("|", root.commands().stream().map(CommandSpec::name).toList());
    }

    private static Optional<String> nearest(String typed, Collection<String> names) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            int d = name.startsWith(t) && !t.isEmpty() ? 1 : distance(t, name);
            if (d < bestDistance) {
                bestDistance = d;
                best = name;
            }
        }
        int allowed = Math.max(2, t.length() / 3);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
