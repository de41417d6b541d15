package dev.opsbot.schedule;

import java.time.Instant;

/**
 * Carries out due items of one kind. Called once per fire of an item; it must check that the item
 * still matters (the incident may have been acknowledged meanwhile) before pinging anyone. If it
 * throws, the item is tried again later, so pings should go through the {@code Notifier} with a
 * key that names this fire (e.g. the item id and its due time) to stay single.
 */
public interface DueHandler {

    String kind();

    void fire(DueItem item, Instant now);
}
