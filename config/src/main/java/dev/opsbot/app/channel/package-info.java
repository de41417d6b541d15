/** Wiring of channel settings: the zone each channel reads its times in. */
package dev.opsbot.app.channel;
