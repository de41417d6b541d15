/**
 * The Discord adapter: slash-command registration generated from the catalog, interactions
 * (commands, buttons, autocomplete) answered through the core router, and channel posts for the
 * outbox, all over JDA.
 */
package dev.opsbot.discord;
