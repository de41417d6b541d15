/** Spring wiring of the Discord adapter, present only when a Discord bot token is configured. */
package dev.opsbot.app.discord;
