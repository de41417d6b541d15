/** Settings of a chat channel: the zone its times are shown in, and {@code /channel}. */
package dev.opsbot.channel;
