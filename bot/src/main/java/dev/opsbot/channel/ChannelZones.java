package dev.opsbot.channel;

import dev.opsbot.chat.ChannelRef;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The zone each channel reads times in: the one chosen for it with {@code /channel zone}, else the
 * team's ({@code OPSBOT_TIMEZONE}). Stored times stay UTC; only what is shown follows this.
 */
public interface ChannelZones {

    static ChannelZones inMongo(com.mongodb.client.MongoDatabase db, ZoneId team, Clock clock) {
        return new MongoChannelZones(db, team, clock);
    }

    /** Every channel in the team's zone, none chosen: for tests and tools without a store. */
    static ChannelZones team(ZoneId team) {
        return new ChannelZones() {
            @Override
            public ZoneId team() {
                return team;
            }

            @Override
            public Optional<ZoneId> chosen(ChannelRef channel) {
                return Optional.empty();
            }

            @Override
            public Optional<ZoneId> choose(ChannelRef channel, ZoneId zone) {
                throw new UnsupportedOperationException("no store for channel zones");
            }

            @Override
            public Map<ChannelRef, ZoneId> all() {
                return Map.of();
            }
        };
    }

    ZoneId team();

    /** The zone chosen for this channel, if any. */
    Optional<ZoneId> chosen(ChannelRef channel);

    /** Chooses {@code zone} for the channel, or goes back to the team's with null; returns the zone it had. */
    Optional<ZoneId> choose(ChannelRef channel, ZoneId zone);

    /** Every channel with a zone of its own. */
    Map<ChannelRef, ZoneId> all();

    /** The zone to show times in for this channel (the team's for none). */
    default ZoneId of(ChannelRef channel) {
        return channel == null ? team() : chosen(channel).orElse(team());
    }
}
