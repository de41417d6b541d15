package dev.opsbot.chat;

/**
 * Announces to a channel other than the one a command came from. Implementations persist the
 * message before any network call (see {@link Outbox}), so a key names one delivery forever:
 * announcing twice with the same key delivers once.
 */
public interface Notifier {

    void announce(ChannelRef channel, Reply message, String idempotencyKey);
}
