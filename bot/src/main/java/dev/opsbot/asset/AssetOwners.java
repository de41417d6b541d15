package dev.opsbot.asset;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.command.Refusal;
import dev.opsbot.ownership.Owned;
import dev.opsbot.ownership.OwnedItems;
import dev.opsbot.service.Service;
import dev.opsbot.service.Services;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Asset ownership for {@code /owner}, kept in the asset's own document. An asset always has an
 * owner, so none is ever ownerless; a handover changes the owner only once accepted, and is
 * written in the asset's journal. Handover pings go to its service's channel, else to
 * {@code fallback} (the incident channel).
 */
public final class AssetOwners implements OwnedItems {

    private final Assets assets;
    private final Services services;
    private final AssetJournal journal;
    private final ChannelRef fallback;

    public AssetOwners(Assets assets, Services services, AssetJournal journal, ChannelRef fallback) {
        this.assets = assets;
        this.services = services;
        this.journal = journal;
        this.fallback = fallback;
    }

    @Override
    public String kind() {
        return "asset";
    }

    @Override
    public Optional<String> recognise(String typed) {
        String name = typed.strip().toLowerCase(Locale.ROOT);
        return Asset.NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    @Override
    public Optional<Owned> find(String item) {
        return assets.find(item).map(this::owned);
    }

    @Override
    public Owned transfer(String item, Actor expected, Actor newOwner, Actor by, Instant now) {
        Assets.Change change = assets.update(item, a -> {
            if (!a.owner().sameAs(expected)) {
                throw Refusal.because(item + " is owned by " + Inline.user(a.owner()) + " now, so this no longer applies.");
            }
            return a.withOwner(newOwner);
        }).orElseThrow(() -> Refusal.badInput("There is no asset " + item + "."));
        journal.add(item, new AssetJournal.Entry(now, by, "change", "owner: " + change.before().owner().key() + " → "
                + newOwner.key()));
        return owned(change.after());
    }

    @Override
    public void record(String item, Actor by, String event, String detail, Instant at) {
        journal.add(item, new AssetJournal.Entry(at, by == null ? Actor.console("opsbot") : by, "owner",
                event + (detail == null || detail.isBlank() ? "" : ": " + detail)));
    }

    @Override
    public List<Owned> ownedBy(Actor who, int limit) {
        return assets.ownedBy(who, limit).stream().map(this::owned).toList();
    }

    @Override
    public List<Owned> ownerless(int limit) {
        return List.of();
    }

    private Owned owned(Asset a) {
        ChannelRef channel = a.service() == null ? fallback
                : services.find(a.service()).map(Service::channel).orElse(fallback);
        return new Owned(a.name(), "asset", "asset " + Inline.strong(a.name()), a.owner(), channel,
                !a.state().equals("retired"));
    }
}
