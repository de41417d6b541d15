package dev.opsbot.chat;

import java.time.Duration;

/** Posts a message to a channel of one platform; each chat adapter provides one. */
public interface ChannelPoster {

    Platform platform();

    /** Posts the message, or throws {@link DeliveryFailure} saying whether and when to try again. */
    void post(ChannelRef channel, Reply message) throws DeliveryFailure;

    /**
     * Posts the message under its idempotency key: an announcement's own key, or for a roundup one
     * derived from every key it lists, so a repeat of the same post carries the same key. A platform
     * that can refuse a repeated post by such a key (Discord's nonce) overrides this.
     */
    default void post(ChannelRef channel, Reply message, String key) throws DeliveryFailure {
        post(channel, message);
    }

    /**
     * Whether a story's opening can be edited and replied under here. A platform that cannot
     * (the console) shows each later part of a story as its one line.
     */
    default boolean edits() {
        return false;
    }

    /**
     * Posts the opening of a story and returns the platform's reference to the message (Slack's
     * {@code ts}, Discord's message id), by which later parts edit it and reply under it.
     */
    default String open(ChannelRef channel, Reply message, String key) throws DeliveryFailure {
        post(channel, message, key);
        return null;
    }

    /**
     * Tells the next part of a story under its delivered opening {@code ref}: the opening is edited
     * to show {@code card}, and {@code line}, unless null, is posted as a reply to it. Editing is
     * safe to repeat, so a retry after a failed reply edits again and replies once. Returns null,
     * or, when the opening is gone (someone deleted it), the reference of the fresh card posted in
     * its place, which later parts then edit.
     */
    default String retell(ChannelRef channel, String ref, Reply card, Reply line, String key) throws DeliveryFailure {
        if (line != null) {
            post(channel, line, key);
        }
        return null;
    }

    /** How fast one channel may receive messages here; a console has no limit. */
    default Pace pace() {
        return Pace.FREE;
    }

    /**
     * At most one message per {@code spacing} to one channel. When more announcements wait for a
     * channel than it can take one by one, up to {@code perPost} of them go as one roundup.
     */
    record Pace(Duration spacing, int perPost) {

        public static final Pace FREE = new Pace(Duration.ZERO, 1);

        public Pace {
            if (spacing.isNegative() || perPost < 1) {
                throw new IllegalArgumentException("a pace needs a spacing of zero or more and at least one per post");
            }
        }

        boolean combines() {
            return perPost > 1;
        }
    }

    /** Why a post did not go out. {@code retryAfter} is null for a failure that will never succeed. */
    final class DeliveryFailure extends Exception {
        private final Duration retryAfter;

        private DeliveryFailure(String reason, Duration retryAfter) {
            super(reason, null, false, false);
            this.retryAfter = retryAfter;
        }

        /** Worth retrying: rate limited (with the platform's Retry-After) or a network error. */
        public static DeliveryFailure retryable(String reason, Duration retryAfter) {
            return new DeliveryFailure(reason, retryAfter == null ? Duration.ZERO : retryAfter);
        }

        /** Will never work: unknown channel, bot not in channel, invalid token. */
        public static DeliveryFailure permanent(String reason) {
            return new DeliveryFailure(reason, null);
        }

        public boolean isRetryable() {
            return retryAfter != null;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
