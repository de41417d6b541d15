/**
 * The Slack adapter: Bolt for Java over HTTP or Socket Mode. Each catalog root becomes a slash
 * command, replies become Block Kit, buttons run catalog commands as the person who clicks, and
 * outbox announcements go out through {@code chat.postMessage}.
 */
package dev.opsbot.slack;
