package dev.opsbot.schedule;

import java.time.Instant;

/**
 * Carries out due items of one kind. Called at most once per item; it must check that the item
 * still matters (the incident may have been acknowledged meanwhile) before pinging anyone.
 */
public interface DueHandler {

    String kind();

    void fire(DueItem item, Instant now);
}
