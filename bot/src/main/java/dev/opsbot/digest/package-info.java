/**
 * Channel digests: subscriptions, the digest built from every feature's {@link dev.opsbot.digest.DigestSection},
 * its posting on schedule as a durable due item, and the {@code /digest} command.
 */
package dev.opsbot.digest;
