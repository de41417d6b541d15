package dev.opsbot.probe;

import dev.opsbot.asset.Asset;
import dev.opsbot.asset.AssetObservations.Health;
import dev.opsbot.asset.AssetObservations.Observation;
import dev.opsbot.asset.AssetVerifier;
import dev.opsbot.asset.Assets;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.Arguments;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * {@code /asset verify}: runs the chosen assets' probes now, records what was seen in
 * {@link AssetChecks} (never touching the declaration), and answers with it. All probes of all
 * chosen assets are started at once on the prober's pool, so {@code --all} takes about
 * (probes ÷ pool) × the slowest answer, each answer bounded by the probe timeout.
 */
public final class AssetVerification implements AssetVerifier {

    private final Assets assets;
    private final AssetChecks checks;
    private final Prober prober;
    private final VerificationReplies replies;

    public AssetVerification(Assets assets, AssetChecks checks, Prober prober, VerificationReplies replies) {
        this.assets = assets;
        this.checks = checks;
        this.prober = prober;
        this.replies = replies;
    }

    /** One asset's check: its declaration, what each probe saw, and what that adds up to. */
    public record Checked(Asset asset, List<ProbeResult> results, Verdict verdict, Observation observation) {
    }

    @Override
    public Reply verify(CommandCall call) {
        List<Asset> chosen = choose(call.args());
        long start = System.nanoTime();
        List<Checked> checked = check(chosen, call.now());
        long millis = (System.nanoTime() - start) / 1_000_000;
        return checked.size() == 1 ? replies.one(checked.get(0), call.zone(), call.now())
                : replies.many(checked, call.zone(), call.now(), millis);
    }

    /** Runs every probe of {@code chosen}, records each asset's observation, and returns them in order. */
    public List<Checked> check(List<Asset> chosen, Instant now) {
        List<List<CompletableFuture<ProbeResult>>> started = new ArrayList<>();
        for (Asset asset : chosen) {
            List<CompletableFuture<ProbeResult>> futures = new ArrayList<>();
            for (AssetProbes.Planned p : AssetProbes.of(asset)) {
                futures.add(p.spec() != null ? prober.start(p.spec())
                        : CompletableFuture.completedFuture(new ProbeResult(p.typed(), Health.UNKNOWN, p.unreadable(), now, null)));
            }
            started.add(futures);
        }
        ProbeSettings settings = prober.settings();
        List<Checked> out = new ArrayList<>(chosen.size());
        java.util.Map<String, Observation> seen = new java.util.LinkedHashMap<>();
        for (int i = 0; i < chosen.size(); i++) {
            Asset asset = chosen.get(i);
            List<ProbeResult> results = started.get(i).stream().map(CompletableFuture::join).toList();
            Verdict verdict = Verdict.of(asset.state(), results, now, settings.certWarnDays(), settings.zone());
            List<String> evidence = results.isEmpty()
                    ? List.of("No probe is declared and there is no address to check; add one with /asset set "
                            + asset.name() + " probe tcp://host:port.")
                    : results.stream().map(ProbeResult::evidence).toList();
            Observation observation = new Observation(now, verdict.health(), evidence, verdict.drift());
            seen.put(asset.name(), observation);
            out.add(new Checked(asset, results, verdict, observation));
        }
        checks.record(seen);
        return out;
    }

    /** Every asset, for the schedule and {@code --all}. */
    public List<Asset> everyAsset() {
        List<Asset> all = new ArrayList<>();
        assets.each(all::add);
        return all;
    }

    private List<Asset> choose(Arguments args) {
        Optional<String> name = args.optionalText("name");
        Optional<String> site = args.optionalText("site");
        Optional<String> service = args.optionalText("service");
        boolean all = args.flag("all");
        int ways = (name.isPresent() ? 1 : 0) + (site.isPresent() ? 1 : 0) + (service.isPresent() ? 1 : 0) + (all ? 1 : 0);
        if (ways == 0) {
            throw Refusal.badInput("Name an asset, or choose --site, --service or --all.");
        }
        if (ways > 1) {
            throw Refusal.badInput("Choose one of an asset name, --site, --service or --all, not several.");
        }
        if (name.isPresent()) {
            String typed = name.get();
            Asset asset = assets.find(Asset.requireName(typed)).orElseThrow(
                    () -> Refusal.badInput("There is no asset “" + typed + "”; /asset list shows them."));
            return List.of(asset);
        }
        if (all) {
            List<Asset> every = everyAsset();
            if (every.isEmpty()) {
                throw Refusal.because("There are no assets to verify yet; /asset add declares one.");
            }
            return every;
        }
        String word = site.orElseGet(service::get);
        Predicate<Asset> at = site.isPresent() ? a -> word.equalsIgnoreCase(a.site())
                : a -> word.equalsIgnoreCase(a.service());
        List<Asset> some = new ArrayList<>();
        assets.each(a -> {
            if (at.test(a)) {
                some.add(a);
            }
        });
        if (some.isEmpty()) {
            throw Refusal.because("No asset is declared " + (site.isPresent() ? "at site " : "on service ") + word + ".");
        }
        return some;
    }
}
