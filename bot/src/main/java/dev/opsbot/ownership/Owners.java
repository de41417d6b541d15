package dev.opsbot.ownership;

import dev.opsbot.chat.Actor;
import dev.opsbot.command.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every kind of ownable item, tried in order: kinds with prefixed ids (INC-7) before free names. */
public final class Owners {

    private final List<OwnedItems> kinds;

    public Owners(List<OwnedItems> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    /** The item a person typed, or a refusal naming it. */
    public Owned resolve(String typed) {
        return find(typed).orElseThrow(() -> Refusal.badInput("There is no " + kindsInWords() + " “" + typed + "”."));
    }

    /** "incident or service", "incident, problem, service or asset": what may be owned here. */
    private String kindsInWords() {
        List<String> words = kinds.stream().map(OwnedItems::kind).toList();
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    public Optional<Owned> find(String item) {
        for (OwnedItems kind : kinds) {
            Optional<Owned> found = kind.recognise(item).flatMap(kind::find);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public OwnedItems kind(String name) {
        return kinds.stream().filter(k -> k.kind().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ownership for kind " + name));
    }

    public List<Owned> ownedBy(Actor who, int limitPerKind) {
        List<Owned> out = new ArrayList<>();
        kinds.forEach(k -> out.addAll(k.ownedBy(who, limitPerKind)));
        return out;
    }

    public List<Owned> ownerless(int limitPerKind) {
        List<Owned> out = new ArrayList<>();
        kinds.forEach(k -> out.addAll(k.ownerless(limitPerKind)));
        return out;
    }
}
