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
