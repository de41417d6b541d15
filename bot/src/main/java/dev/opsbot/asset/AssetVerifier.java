package dev.opsbot.asset;

import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandCall;

/**
 * Runs assets' probes now and answers with what was observed against what was declared.
 * {@code /asset verify} hands its call here (options {@code name}, {@code --site}, {@code --service},
 * {@code --all}), so the inventory's commands need not know how probing works.
 */
public interface AssetVerifier {

    Reply verify(CommandCall call);

    /** For a deployment where verification is not wired: says so instead of pretending. */
    static AssetVerifier unavailable() {
        return call -> {
            throw dev.opsbot.command.Refusal.because("Live verification is not available in this deployment.");
        };
    }
}
