package dev.opsbot.alert;

/** What one delivery did, as the webhook answers it and tests check it. */
public sealed interface Delivered {

    /** A new incident for the group. */
    record Opened(String incident) implements Delivered {
    }

    /** The group's incident heard news: {@code text} is its timeline entry. */
    record Updated(String incident, String text) implements Delivered {
    }

    /** Nothing the group did not know already; {@code incident} is null when it feeds none. */
    record Unchanged(String incident) implements Delivered {
    }

    /** Posted to the alert channel instead of opening an incident. */
    record Notified(String why) implements Delivered {
    }

    /** The alert is about an asset a change in progress is working on. */
    record Expected(String change) implements Delivered {
    }

    /** Only heartbeats: they were noted. */
    record Beat(int heartbeats) implements Delivered {
    }

    /**
     * Another delivery of this group (on another instance) is declaring its incident right now;
     * the sender should try again shortly, when this one becomes an update of that incident.
     */
    record Busy() implements Delivered {
    }
}
