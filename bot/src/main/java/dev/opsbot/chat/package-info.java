/**
 * People, channels and what the bot says: the neutral reply model, its inline markup, and the
 * outbox through which announcements reach other channels exactly once.
 */
package dev.opsbot.chat;
