package dev.opsbot.chat;

import java.util.List;

/**
 * Announces to a channel other than the one a command came from. Implementations persist the
 * message before any network call (see {@link Outbox}), so a key names one delivery forever:
 * announcing twice with the same key delivers once.
 */
public interface Notifier {

    void announce(ChannelRef channel, Reply message, String idempotencyKey);

    /**
     * Announces the opening of a story (an incident's card, its first page). Where the platform
     * can, what happens next edits this message and replies under it (see {@link #tell}).
     */
    default void open(String story, ChannelRef channel, Reply message, String idempotencyKey) {
        announce(channel, message, idempotencyKey);
    }

    /**
     * Tells how a story went on, once per channel: every channel it was opened in, and each of
     * {@code alsoTo}. Where the opening was delivered and can be edited, it now shows {@code card}
     * and {@code line} is a reply under it; elsewhere a fresh {@code card} opens the story again,
     * and a platform without edits (the console) shows {@code line}. The channel {@code except}
     * (where the change was made and answered) is not told again: its opening is only brought up to
     * date. {@code chapterKey} names this change of the story; each channel's key is made from it.
     */
    default void tell(String story, Reply card, Reply line, String chapterKey, List<ChannelRef> alsoTo,
            ChannelRef except) {
        for (ChannelRef channel : alsoTo) {
            if (!channel.equals(except)) {
                announce(channel, line, chapterKey + ":" + channel.key());
            }
        }
    }
}
