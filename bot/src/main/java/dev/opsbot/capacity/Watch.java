package dev.opsbot.capacity;

import dev.opsbot.chat.Actor;
import java.time.Instant;

/**
 * What capacity watches: {@code query} (PromQL giving usage, one series), {@code max} (a number or
 * PromQL for the capacity, in the query's unit), the {@code threshold} as a share of the maximum
 * (0.85 for 85%), and the unit values are shown in. {@code asset} and {@code service} are optional.
 */
public record Watch(String name, String query, String max, double threshold, Unit unit, String asset,
        String service, Actor by, Instant since) {

    /** Names are kept to what reads well in a command and in a chart's file name. */
    static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public Watch {
        asset = asset == null ? "" : asset;
        service = service == null ? "" : service;
        unit = unit == null ? Unit.NONE : unit;
    }

    /** The maximum as a number, when it was given as one rather than as PromQL. */
    Double fixedMax() {
        try {
            double v = Double.parseDouble(max.strip());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String thresholdText() {
        return Quantity.plain(threshold * 100) + "%";
    }
}
