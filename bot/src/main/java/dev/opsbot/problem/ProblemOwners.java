package dev.opsbot.problem;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.command.Refusal;
import dev.opsbot.ownership.Owned;
import dev.opsbot.ownership.OwnedItems;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Problem ownership, kept in the problem's own document; a resolved problem needs no new owner. */
public final class ProblemOwners implements OwnedItems {

    private static final Pattern ID = Pattern.compile("PRB-[1-9]\\d{0,8}");

    private final Problems problems;

    public ProblemOwners(Problems problems) {
        this.problems = problems;
    }

    @Override
    public String kind() {
        return "problem";
    }

    @Override
    public Optional<String> recognise(String typed) {
        String id = typed.strip().toUpperCase(Locale.ROOT);
        return ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    @Override
    public Optional<Owned> find(String item) {
        return problems.find(item).map(ProblemOwners::owned);
    }

    @Override
    public Owned transfer(String item, Actor expected, Actor newOwner, Actor by, Instant now) {
        Problems.Change change = problems.update(item, p -> {
            Owned.requireOwner(item, p.owner(), expected);
            return p.withOwner(newOwner, now);
        }).orElseThrow(() -> Refusal.badInput("There is no problem " + item + "."));
        return owned(change.after());
    }

    @Override
    public List<Owned> ownedBy(Actor who, int limit) {
        return problems.ownedBy(who, limit).stream().map(ProblemOwners::owned).toList();
    }

    @Override
    public List<Owned> ownerless(int limit) {
        return problems.ownerless(limit).stream().map(ProblemOwners::owned).toList();
    }

    private static Owned owned(Problem p) {
        return new Owned(p.id(), "problem", "problem " + Inline.strong(p.id()) + " · " + p.statement(), p.owner(),
                p.channel(), p.status().isLive());
    }
}
