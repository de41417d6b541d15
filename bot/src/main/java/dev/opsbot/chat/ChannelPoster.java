package dev.opsbot.chat;

import java.time.Duration;

/** Posts a message to a channel of one platform; each chat adapter provides one. */
public interface ChannelPoster {

    Platform platform();

    /** Posts the message, or throws {@link DeliveryFailure} saying whether and when to try again. */
    void post(ChannelRef channel, Reply message) throws DeliveryFailure;

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
