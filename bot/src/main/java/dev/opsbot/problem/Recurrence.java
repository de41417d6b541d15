package dev.opsbot.problem;

import dev.opsbot.incident.Incident;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When incidents look like one problem. A title becomes its words: lower case, split at anything
 * that is not a letter or digit, without words that contain a digit (numbers, ids, hosts, versions
 * differ between repeats of one fault), one-letter words and a few filler words. Two titles are
 * alike when their word sets share at least half of their union (Jaccard ≥ 0.5). Incidents on one
 * service (or all without one) whose titles are alike, directly or through others in the group,
 * form a group; a group of at least three is a candidate problem.
 */
public final class Recurrence {

    /** The least share of words two alike titles have in common. */
    static final double ALIKE = 0.5;
    /** The fewest incidents that make a candidate. */
    public static final int LEAST = 3;

    private static final Set<String> FILLER = Set.of("the", "an", "on", "in", "at", "of", "for", "to", "is", "are",
            "was", "were", "and", "or", "with", "from", "by", "not", "no", "again");

    private Recurrence() {
    }

    /** The words of a title that count for likeness, in the order they appear. */
    public static Set<String> words(String title) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 1 && !FILLER.contains(w) && w.chars().noneMatch(Character::isDigit)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Shared words over all words; 0 when either title has no words that count. */
    public static double likeness(String a, String b) {
        return likeness(words(a), words(b));
    }

    private static double likeness(Set<String> x, Set<String> y) {
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String w : x) {
            if (y.contains(w)) {
                shared++;
            }
        }
        return (double) shared / (x.size() + y.size() - shared);
    }

    public static boolean alike(String a, String b) {
        return likeness(a, b) >= ALIKE;
    }

    /** Groups of at least {@link #LEAST} alike incidents per service, the largest first, then the most recent. */
    public static List<Group> groups(List<Incident> incidents) {
        Map<String, List<Incident>> byService = new LinkedHashMap<>();
        incidents.stream().sorted(Comparator.comparing(Incident::declaredAt).reversed())
                .forEach(i -> byService.computeIfAbsent(Objects.toString(i.service(), ""), s -> new ArrayList<>())
                        .add(i));
        List<Group> out = new ArrayList<>();
        byService.values().forEach(on -> out.addAll(clusters(on)));
        out.sort(Comparator.comparing((Group g) -> g.incidents().size()).reversed()
                .thenComparing(g -> g.newest().declaredAt(), Comparator.reverseOrder()));
        return out;
    }

    /** Single-link clusters among one service's incidents (newest first), kept when large enough. */
    private static List<Group> clusters(List<Incident> on) {
        int[] root = new int[on.size()];
        for (int i = 0; i < root.length; i++) {
            root[i] = i;
        }
        // Each title is split once; the pairs are compared on the word sets.
        List<Set<String>> words = on.stream().map(i -> words(i.title())).toList();
        for (int i = 0; i < on.size(); i++) {
            for (int j = i + 1; j < on.size(); j++) {
                if (likeness(words.get(i), words.get(j)) >= ALIKE) {
                    root[find(root, j)] = find(root, i);
                }
            }
        }
        Map<Integer, List<Incident>> members = new HashMap<>();
        for (int i = 0; i < on.size(); i++) {
            members.computeIfAbsent(find(root, i), r -> new ArrayList<>()).add(on.get(i));
        }
        return members.values().stream().filter(m -> m.size() >= LEAST)
                .map(m -> new Group(m.get(0).service(), m, like(m))).toList();
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            root[i] = root[root[i]];
            i = root[i];
        }
        return i;
    }

    /** The words every title shares, in the newest title's order; the newest title's words if none are shared. */
    private static String like(List<Incident> members) {
        Set<String> shared = words(members.get(0).title());
        members.forEach(i -> shared.retainAll(words(i.title())));
        return String.join(" ", shared.isEmpty() ? words(members.get(0).title()) : shared);
    }

    /**
     * Alike incidents on one service ({@code service} null: none), newest first, and the words
     * their titles share.
     */
    public record Group(String service, List<Incident> incidents, String like) {
        public Group {
            incidents = List.copyOf(incidents);
        }

        public Incident newest() {
            return incidents.get(0);
        }

        public Incident oldest() {
            return incidents.get(incidents.size() - 1);
        }
    }
}
